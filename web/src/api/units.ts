import { api, call, type Schema } from './client'

const directories = new Map<string, Promise<Schema<'UnitView'>[]>>()

/** The handling units of a region, those below it and above it (the directory a command picks a unit from). */
export function unitsOf(region: string): Promise<Schema<'UnitView'>[]> {
  let units = directories.get(region)
  if (!units) {
    units = call(api.GET('/api/v1/units', { params: { query: { region, size: 200 } } })).then((page) => page.items)
    units.catch(() => directories.delete(region))
    directories.set(region, units)
  }
  return units
}
