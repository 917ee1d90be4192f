/**
 * The inbox's (站内信) part of the contract, written by hand from notification-service's OpenAPI until the gateway
 * routes /api/v1/inbox and `npm run api` generates it into schema.d.ts; then this file goes and inbox.ts uses `api`.
 */
export interface InboxEntry {
  id: string
  title: string
  body: string
  eventType: string
  subject?: string | null
  regionCode: string
  createdAt: string
  read: boolean
  readAt?: string | null
}

export interface InboxPage {
  items: InboxEntry[]
  total: number
  page: number
  size: number
}

type Json<T> = { content: { 'application/json': T } }

export interface InboxPaths {
  '/api/v1/inbox': {
    get: {
      parameters: { query?: { unread?: boolean; page?: number; size?: number } }
      responses: { 200: Json<InboxPage> }
    }
  }
  '/api/v1/inbox/unread-count': {
    get: { responses: { 200: Json<{ unread: number }> } }
  }
  '/api/v1/inbox/{id}/read': {
    post: { parameters: { path: { id: string } }; responses: { 204: { content?: never } } }
  }
  '/api/v1/inbox/read-all': {
    post: { responses: { 200: Json<{ marked: number }> } }
  }
}
