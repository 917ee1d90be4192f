import { api, call } from './client'

const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })

/** Today's date in the province (YYYY-MM-DD). */
export function today(): string {
  return shanghai.format(new Date())
}

const years = new Map<number, Promise<Map<string, boolean>>>()

/** The province's holidays and make-up working days of a year: date → working. */
function exceptions(year: number): Promise<Map<string, boolean>> {
  let known = years.get(year)
  if (!known) {
    known = call(api.GET('/api/v1/calendar/{year}', { params: { path: { year } } }))
      .then((days) => new Map(days.map((d) => [d.date, d.working] as [string, boolean])))
      .catch(() => new Map<string, boolean>())
    years.set(year, known)
  }
  return known
}

function isWorking(date: Date, table: Map<string, boolean>): boolean {
  const key = date.toISOString().slice(0, 10)
  const listed = table.get(key)
  if (listed !== undefined) return listed
  const day = date.getUTCDay()
  return day !== 0 && day !== 6
}

/**
 * Working days from today to a due date: positive while days are left (the due date counts, today does not), zero on
 * the due date, negative when it has passed (the working days since).
 */
export async function workingDaysLeft(due: string, from = today()): Promise<number> {
  const start = new Date(`${from}T00:00:00Z`)
  const end = new Date(`${due}T00:00:00Z`)
  const forward = end >= start
  const [a, b] = forward ? [start, end] : [end, start]
  const tables = new Map<number, Map<string, boolean>>()
  for (let y = a.getUTCFullYear(); y <= b.getUTCFullYear(); y++) tables.set(y, await exceptions(y))
  let count = 0
  const day = new Date(a)
  day.setUTCDate(day.getUTCDate() + 1)
  while (day <= b) {
    if (isWorking(day, tables.get(day.getUTCFullYear()) ?? new Map())) count++
    day.setUTCDate(day.getUTCDate() + 1)
  }
  return forward ? count : -count
}
