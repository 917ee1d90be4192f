import type { Schema } from './client'

/** Chinese names of the contract's closed sets, for what the API does not name itself. */
export const CASE_STATUS: Record<Schema<'CaseStatus'>, string> = {
  RECEIVED: '已受理',
  ASSIGNED: '已交办',
  IN_PROGRESS: '办理中',
  HANDLED: '已办结',
  REPLIED: '已答复',
  SUPERVISOR_REVIEW: '人大审核',
  CLOSED: '已结案',
  MERGED: '已合并办理',
}

export const CHANNEL: Record<Schema<'Channel'>, string> = {
  RECEPTION: '进站接待',
  MAILBOX: '代表信箱',
  ONLINE: '网上反映',
  MARKET_DAY: '赶集日接待',
  MOBILE_STATION: '流动联络站',
  HOTLINE: '热线',
  VISIT: '走访',
  GRID: '网格员上报',
  APPOINTMENT: '代表有约',
}

export const ACTOR_ROLE: Record<Schema<'CaseActorRole'>, string> = {
  ADMIN: '管理员',
  SUPERVISOR: '人大工作人员',
  STATION_STAFF: '联络站工作人员',
  DEPUTY: '代表',
  HANDLER: '承办单位',
  CITIZEN: '群众',
}

export const CASE_KIND: Record<Schema<'CaseKind'>, string> = {
  COMPLAINT: '投诉',
  SUGGESTION: '建议',
  ENQUIRY: '咨询',
  HELP: '求助',
}

export const SATISFACTION: Record<Schema<'Satisfaction'>, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  UNSATISFIED: '不满意',
}

export const SERVICE: Record<Schema<'ServiceName'>, string> = {
  'station-service': '联络站数据',
  'deputy-service': '代表数据',
  'case-service': '诉求、建议和民生实事数据',
  'scoring-service': '积分数据',
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** An instant as a person in Hunan reads it. */
export function when(instant: string | null | undefined): string {
  return instant ? dateTime.format(new Date(instant)) : '—'
}

/** A share as a percentage with one decimal; "—" when there is nothing to divide. */
export function percent(part: number | null | undefined, whole?: number | null): string {
  if (part == null) return '—'
  const share = whole === undefined ? part : whole ? part / whole : null
  return share == null ? '—' : `${(share * 100).toFixed(1)}%`
}
