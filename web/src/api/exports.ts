import { api, call, type Schema } from './client'
import { download } from './files'

export type ExportJob = Schema<'ExportJob'>
export type ExportRequest = Schema<'ExportRequest'>

/**
 * Whether an export is asked for as a job (导出任务) with its progress shown: a province's or a city's table (a code of
 * two or four digits) takes long enough to want one; a county's and smaller ones are downloaded at once.
 */
export function exportsAsJob(region: string): boolean {
  return region.length <= 4
}

/** Starts the job (or finds the same one still running) at the service that owns the kind. */
export function startExport(request: ExportRequest): Promise<ExportJob> {
  return request.kind === 'points'
    ? call(api.POST('/api/v1/points/exports', { body: request }))
    : call(api.POST('/api/v1/deputies/exports', { body: request }))
}

/** The job as it stands now. */
export function readExport(job: ExportJob): Promise<ExportJob> {
  const params = { params: { path: { id: job.id } } }
  return job.kind === 'points'
    ? call(api.GET('/api/v1/points/exports/{id}', params))
    : call(api.GET('/api/v1/deputies/exports/{id}', params))
}

/** Downloads a finished job's file; answers its name. */
export function downloadExport(job: ExportJob): Promise<string> {
  const fallback = `${job.kind}-${job.region}.${job.format}`
  return job.kind === 'points'
    ? download('/api/v1/points/exports/{id}/file', {}, fallback, { id: job.id })
    : download('/api/v1/deputies/exports/{id}/file', {}, fallback, { id: job.id })
}
