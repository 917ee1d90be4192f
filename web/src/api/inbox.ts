import createClient from 'openapi-fetch'
import { bearer, call } from './client'
import type { InboxPage, InboxPaths } from './inboxContract'

export type { InboxEntry } from './inboxContract'

const inbox = createClient<InboxPaths>({ baseUrl: '' })
inbox.use(bearer)

/** A page of the person's inbox (站内信), newest first; only the unread ones when asked. */
export function inboxPage(page: number, size: number, unread: boolean): Promise<InboxPage> {
  return call(inbox.GET('/api/v1/inbox', { params: { query: { page, size, unread: unread || undefined } } }))
}

/** How many entries the person has not read: the bell's number. */
export async function unreadCount(): Promise<number> {
  return (await call(inbox.GET('/api/v1/inbox/unread-count'))).unread
}

export async function markRead(id: string): Promise<void> {
  await call(inbox.POST('/api/v1/inbox/{id}/read', { params: { path: { id } } }))
}

/** Marks every entry read; how many were unread. */
export async function markAllRead(): Promise<number> {
  return (await call(inbox.POST('/api/v1/inbox/read-all'))).marked
}
