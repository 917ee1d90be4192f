import createClient, { type Middleware } from 'openapi-fetch'
import type { paths, components } from './schema'
import { ApiError } from './problem'
import { accessToken, inSignedInApp, mayRetrySignIn, signIn } from '@/auth/session'

/** The schemas of the gateway's contract, by name: Schema<'CaseView'>. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N]

const bearer: Middleware = {
  async onRequest({ request }) {
    if (!inSignedInApp()) return request
    const token = await accessToken()
    if (token) {
      request.headers.set('Authorization', `Bearer ${token}`)
    }
    return request
  },
}

/** The typed client of /api/v1: paths, parameters and bodies are checked against the contract at build time. */
export const api = createClient<paths>({ baseUrl: '' })
api.use(bearer)

/**
 * The data of a call, or an ApiError carrying the problem's status and field errors. A 401 (the session ended) sends
 * the person to sign in again, back to the page they were on.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await request
  } catch {
    throw new ApiError(0, undefined)
  }
  if (!result.response.ok) {
    if (result.response.status === 401 && inSignedInApp() && mayRetrySignIn()) {
      void signIn(window.location.pathname + window.location.search)
    }
    throw new ApiError(result.response.status, result.error)
  }
  return result.data as T
}
