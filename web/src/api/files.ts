import type { paths } from './schema'
import { ApiError } from './problem'
import { accessToken } from '@/auth/session'

/**
 * Files to and from the API. They carry the bearer token, so they go through fetch (a bare link would be refused);
 * failures are ApiErrors like those of `call`.
 */
type Path = keyof paths

async function send(path: string, init: RequestInit, query?: Record<string, string | undefined>): Promise<Response> {
  const token = await accessToken()
  const headers = new Headers(init.headers)
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value) search.set(key, value)
  const url = search.size ? `${path}?${search}` : path
  let response: Response
  try {
    response = await fetch(url, { ...init, headers })
  } catch {
    throw new ApiError(0, undefined)
  }
  if (!response.ok) {
    let body: unknown
    try {
      body = await response.json()
    } catch {
      body = undefined
    }
    throw new ApiError(response.status, body)
  }
  return response
}

/** The name the server gives the attachment (Content-Disposition), or the fallback. */
function fileName(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1])
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1] : fallback
}

/** The path with its `{name}` parameters filled in, each encoded. */
function fill(path: Path, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
}

/** Fetches a file of the API and hands it to the browser as a download. */
export async function download(
  path: Path,
  query: Record<string, string | undefined>,
  fallback: string,
  params: Record<string, string> = {},
): Promise<string> {
  const response = await send(fill(path, params), { method: 'GET' }, query)
  const blob = await response.blob()
  const name = fileName(response, fallback)
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The content type of a spreadsheet by its name (browsers give CSV files odd types, e.g. application/vnd.ms-excel). */
export function spreadsheetType(file: File): string | undefined {
  const name = file.name.toLowerCase()
  if (name.endsWith('.csv')) return 'text/csv'
  if (name.endsWith('.xlsx')) return XLSX
  return undefined
}

/**
 * Uploads a file as the one part `file` of a multipart form (POST /api/v1/files, a station's 六有 evidence), with the
 * caller's token.
 */
export async function uploadPart<T>(path: Path, file: File, params: Record<string, string> = {}): Promise<T> {
  const form = new FormData()
  form.append('file', file, file.name)
  const response = await send(fill(path, params), { method: 'POST', body: form })
  return (await response.json()) as T
}

/** A file's size as a person reads it (KB up to 1 MB, then MB). */
export function fileSize(bytes: number | undefined): string {
  if (!bytes) return ''
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** What a person reads when a file of theirs was not taken (POST /api/v1/files decides by the file's bytes). */
export function uploadRefusal(name: string, e: unknown): string {
  const status = e instanceof ApiError ? e.status : 0
  if (status === 415) return `“${name}”不是照片(JPEG、PNG、WebP、HEIC)或 PDF`
  if (status === 413) return `“${name}”超过 10 MB`
  return e instanceof ApiError ? e.description : '上传没有成功,请重试'
}

/** Posts a file as it is, with its content type, and answers the JSON the API sends back. */
export async function upload<T>(path: Path, file: File, contentType: string): Promise<T> {
  const response = await send(path, { method: 'POST', body: file, headers: { 'Content-Type': contentType } })
  return (await response.json()) as T
}
