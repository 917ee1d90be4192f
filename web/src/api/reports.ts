import { api, call, type Schema } from './client'

/*
 * 述职评议's two reads. The contract names no body for them (ActivityResource's byCode and tally declare their error
 * answers only, so the generated document has no 200): the records are station-service's ReportSummary and ReportView,
 * and the calls still go through the typed client, path and parameters checked.
 */

/** What a voter reads before assessing: the report, without anyone's personal data (station-service's ReportSummary). */
export interface ReportSummary {
  title: string
  date: string
  regionCode: string
  stationId: string | null
  reportingDeputyId: string
  kindName: string
}

/** The report an assessment code opens (public). */
export async function reportByCode(code: string): Promise<ReportSummary> {
  const found: unknown = await call(api.GET('/api/v1/activities/by-code/{code}', { params: { path: { code } } }))
  return found as ReportSummary
}

/** How the voters assessed a report: 满意, 基本满意, 不满意 and the satisfaction rate. */
export async function reportTally(id: string): Promise<Schema<'ReportView'>> {
  const tally: unknown = await call(api.GET('/api/v1/activities/{id}/assessments', { params: { path: { id } } }))
  return tally as Schema<'ReportView'>
}
