import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'
import { computed, shallowRef } from 'vue'
import type { ConsoleConfig } from '@/config'

/** The roles of the platform's tokens (DESIGN §4). */
export type Role = 'ADMIN' | 'SUPERVISOR' | 'STATION_STAFF' | 'DEPUTY' | 'HANDLER'

/** Who is signed in, as the access token says (the same claims the services read). */
export interface Caller {
  username: string
  name: string
  roles: Role[]
  region: string | undefined
  deputyId: string | undefined
  unitId: string | undefined
}

/** Where each app that signs people in lives: the staff console, or the deputies' phone pages. */
export const CONSOLE_BASE = '/console/'
export const DEPUTY_BASE = '/deputy/'
export type AppBase = typeof CONSOLE_BASE | typeof DEPUTY_BASE

let manager: UserManager | undefined
let appBase: AppBase = CONSOLE_BASE
const user = shallowRef<User | null>(null)

export const caller = computed<Caller | undefined>(() => (user.value ? callerOf(user.value.access_token) : undefined))

/**
 * Sign-in with the authorization code flow and PKCE (S256); the session lives in sessionStorage (one tab, gone when
 * it closes) and is renewed with the refresh token before the access token runs out.
 */
export function startSession(config: ConsoleConfig, path: AppBase = CONSOLE_BASE): UserManager {
  appBase = path
  const base = `${window.location.origin}${path}`
  manager = new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: `${base}callback`,
    post_logout_redirect_uri: base,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  })
  manager.events.addUserLoaded((u) => {
    user.value = u
  })
  manager.events.addUserUnloaded(() => {
    user.value = null
  })
  return manager
}

function ready(): UserManager {
  if (!manager) throw new Error('session not started')
  return manager
}

/** The stored session, if it is still valid. */
export async function restore(): Promise<User | null> {
  const m = ready()
  let stored = await m.getUser()
  if (stored?.expired && stored.refresh_token) {
    // the tab slept past the token's end: the refresh token may still be good
    stored = await m.signinSilent().catch(() => null)
  }
  user.value = stored && !stored.expired ? stored : null
  return user.value
}

/**
 * Whether the page is one of the signed-in app's: a session belongs to its app (the console, or the deputies' pages),
 * so the citizens' pages never send a deputy's token, even in the tab the deputy signed in.
 */
export function inSignedInApp(): boolean {
  return !!manager && window.location.pathname.startsWith(appBase)
}

export async function accessToken(): Promise<string | undefined> {
  if (!manager) return undefined
  const current = user.value ?? (await restore())
  return current?.access_token
}

const SIGNED_IN_AT = 'lianluo.signedInAt'

/**
 * Whether a 401 should send the person to sign in again: not right after a sign-in (the API refusing a fresh token
 * is no expired session, and another round trip would loop).
 */
export function mayRetrySignIn(): boolean {
  const at = Number(window.sessionStorage.getItem(SIGNED_IN_AT) ?? 0)
  return Date.now() - at > 30_000
}

/** Off to the identity provider; back at the app's callback (/console/callback, /deputy/callback), then at `returnTo`. */
export async function signIn(returnTo: string): Promise<void> {
  await ready().signinRedirect({ state: { returnTo } })
}

/** Finishes the sign-in at the app's callback and answers where the person was going. */
export async function completeSignIn(): Promise<string> {
  const signedIn = await ready().signinCallback()
  if (signedIn) user.value = signedIn
  window.sessionStorage.setItem(SIGNED_IN_AT, String(Date.now()))
  const state = signedIn?.state as { returnTo?: string } | undefined
  return state?.returnTo ?? appBase
}

export async function signOut(): Promise<void> {
  const m = ready()
  const current = await m.getUser()
  await m.removeUser()
  await m.signoutRedirect({ id_token_hint: current?.id_token })
}

const ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'STATION_STAFF', 'DEPUTY', 'HANDLER']

/** The claims of a JWT's payload (not verified here: the gateway verifies every call). */
export function callerOf(token: string): Caller {
  let claims: Record<string, unknown> = {}
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')), (c) =>
      c.charCodeAt(0),
    )
    claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
  } catch {
    claims = {}
  }
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined)
  const groups = Array.isArray(claims.groups) ? (claims.groups as unknown[]) : []
  const username = text('preferred_username') ?? text('upn') ?? text('sub') ?? ''
  return {
    username,
    name: text('name') ?? username,
    roles: ROLES.filter((r) => groups.includes(r)),
    region: text('region'),
    deputyId: text('deputyId'),
    unitId: text('unitId'),
  }
}
