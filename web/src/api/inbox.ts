import { api, call, type Schema } from './client'

export type InboxEntry = Schema<'InboxEntry'>

/** A page of the person's inbox (站内信), newest first; only the unread ones when asked. */
export function inboxPage(page: number, size: number, unread: boolean): Promise<Schema<'PageInboxEntry'>> {
  return call(api.GET('/api/v1/inbox', { params: { query: { page, size, unread: unread || undefined } } }))
}

/** How many entries the person has not read: the bell's number. */
export async function unreadCount(): Promise<number> {
  return (await call(api.GET('/api/v1/inbox/unread-count'))).unread
}

export async function markRead(id: string): Promise<void> {
  await call(api.POST('/api/v1/inbox/{id}/read', { params: { path: { id } } }))
}

/** Marks every entry read; how many were unread. */
export async function markAllRead(): Promise<number> {
  return (await call(api.POST('/api/v1/inbox/read-all'))).marked
}
