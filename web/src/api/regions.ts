import { api, call, type Schema } from './client'

const views = new Map<string, Promise<Schema<'RegionView'>>>()

/** A region and its children (public reference data, kept for the session). */
export function region(code: string): Promise<Schema<'RegionView'>> {
  let view = views.get(code)
  if (!view) {
    view = call(api.GET('/api/v1/regions/{code}', { params: { path: { code } } }))
    view.catch(() => views.delete(code))
    views.set(code, view)
  }
  return view
}

/** The region's name, or its code when the name cannot be had. */
export async function regionName(code: string): Promise<string> {
  try {
    return (await region(code)).name
  } catch {
    return code
  }
}

/** The region and its ancestors, from the top down to it (the breadcrumb). */
export async function lineage(code: string): Promise<Schema<'RegionView'>[]> {
  const chain: Schema<'RegionView'>[] = []
  let next: string | null = code
  while (next && chain.length < 6) {
    const view: Schema<'RegionView'> = await region(next)
    chain.unshift(view)
    next = view.parentCode
  }
  return chain
}
