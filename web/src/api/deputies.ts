import { api, call, type Schema } from './client'

const rolls = new Map<string, Promise<Schema<'DeputySummary'>[]>>()

/**
 * The active deputies living in a region (and the regions inside it): those a station or an activity of the region
 * may credit. Kept for the session; `fresh` asks again.
 */
export function rollOf(region: string, fresh = false): Promise<Schema<'DeputySummary'>[]> {
  let roll = fresh ? undefined : rolls.get(region)
  if (!roll) {
    roll = call(api.GET('/api/v1/deputies', { params: { query: { region, active: true, size: 200 } } })).then(
      (page) => page.items,
    )
    roll.catch(() => rolls.delete(region))
    rolls.set(region, roll)
  }
  return roll
}
