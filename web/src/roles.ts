import type { Role } from '@/auth/session'

export const ROLE_NAMES: Record<Role, string> = {
  ADMIN: '管理员',
  SUPERVISOR: '人大工作人员',
  STATION_STAFF: '联络站工作人员',
  DEPUTY: '代表',
  HANDLER: '承办单位',
}

/** The areas of the console and who may use each (as the contract's x-roles of their main operations say). */
export interface Area {
  key: string
  title: string
  path: string
  roles: Role[]
}

export const AREAS: Area[] = [
  { key: 'overview', title: '总览', path: '/', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF'] },
  { key: 'cases', title: '群众诉求', path: '/cases', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF', 'DEPUTY', 'HANDLER'] },
  { key: 'stations', title: '联络站', path: '/stations', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF'] },
  { key: 'deputies', title: '代表', path: '/deputies', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF'] },
  { key: 'points', title: '积分', path: '/points', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF', 'DEPUTY'] },
  { key: 'suggestions', title: '代表建议', path: '/suggestions', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF', 'DEPUTY'] },
  { key: 'livelihood', title: '民生实事', path: '/livelihood', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF', 'DEPUTY', 'HANDLER'] },
  { key: 'drafts', title: '立法意见征集', path: '/drafts', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF'] },
  { key: 'moderation', title: '内容审核', path: '/moderation', roles: ['ADMIN', 'SUPERVISOR', 'STATION_STAFF'] },
]

export function mayUse(area: Area, roles: readonly Role[]): boolean {
  return area.roles.some((r) => roles.includes(r))
}

/** Where a person starts: the first area their role may use. */
export function homeOf(roles: readonly Role[]): string {
  return AREAS.find((a) => mayUse(a, roles))?.path ?? '/forbidden'
}
