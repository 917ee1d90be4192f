import { api, call, type Schema } from './client'

/**
 * 立法意见征集 calls whose answers the contract does not describe yet: getDraftLaw, draftLawRegionCounts,
 * draftLawSummary, mergeDraftLawComment and assessDraftLawComment list no 200 (case-service's resource returns the
 * records without an @APIResponse for them), so the typed client knows their paths, parameters and bodies but not what
 * comes back. The answer types are named here, once, after the contract's own schemas (DraftView, DraftRegionCount,
 * DraftSummary, DraftCommentView); the day the contract has them, these casts go.
 */
export function draftOf(id: string): Promise<Schema<'DraftView'>> {
  return call<Schema<'DraftView'>>(api.GET('/api/v1/draft-laws/{id}', { params: { path: { id } } }))
}

export function regionCountsOf(id: string): Promise<Schema<'DraftRegionCount'>[]> {
  return call<Schema<'DraftRegionCount'>[]>(api.GET('/api/v1/draft-laws/{id}/region-counts', { params: { path: { id } } }))
}

export function summaryOf(id: string): Promise<Schema<'DraftSummary'>> {
  return call<Schema<'DraftSummary'>>(api.GET('/api/v1/draft-laws/{id}/summary', { params: { path: { id } } }))
}

export function mergeComment(id: string, commentId: string, body: Schema<'DraftCommentMerge'>): Promise<Schema<'DraftCommentView'>> {
  return call<Schema<'DraftCommentView'>>(
    api.POST('/api/v1/draft-laws/{id}/comments/{commentId}/merge', { params: { path: { id, commentId } }, body }),
  )
}

export function assessComment(id: string, commentId: string, body: Schema<'DraftCommentAssessment'>): Promise<Schema<'DraftCommentView'>> {
  return call<Schema<'DraftCommentView'>>(
    api.POST('/api/v1/draft-laws/{id}/comments/{commentId}/assessment', { params: { path: { id, commentId } }, body }),
  )
}

/** Which part of the draft a comment is on: 第 N 条, or the whole draft. */
export function articleName(article: number | null | undefined): string {
  return article ? `第${article}条` : '草案整体'
}

/** A draft's comment window as a person reads it. */
export function windowOf(draft: Schema<'DraftView'>): string {
  return `${draft.opensOn} 至 ${draft.closesOn}`
}
