import type { Role } from '@/auth/session'
import { api, call, type Schema } from './client'

export type CaseCommand = Schema<'CaseCommand'>
export type CaseCommandBody = Schema<'CaseCommandBody'>

/** The inputs a command's form shows, as CaseCommandBody's description lists what each command reads. */
export type CommandField = 'content' | 'unitId' | 'note' | 'result' | 'satisfaction' | 'reason' | 'days' | 'intoCaseId'

export interface CommandForm {
  title: string
  fields: CommandField[]
  /** the inputs that may not be left empty */
  required: CommandField[]
  /** a button that undoes nothing and decides for others is shown as the primary one */
  primary?: boolean
  /** the label of the files the command may take (complete and reply: fileIds), when it takes any */
  files?: string
}

export const COMMANDS: Record<CaseCommand, CommandForm> = {
  answer: { title: '当场答复', fields: ['content'], required: ['content'] },
  assign: { title: '交办', fields: ['unitId', 'reason'], required: ['unitId'], primary: true },
  accept: { title: '签收', fields: [], required: [], primary: true },
  escalate: { title: '上交', fields: ['unitId', 'note'], required: ['unitId', 'note'] },
  transfer: { title: '转办', fields: ['unitId', 'reason'], required: ['unitId', 'reason'] },
  return: { title: '退回', fields: ['reason'], required: ['reason'] },
  complete: { title: '办结', fields: ['result'], required: ['result'], primary: true, files: '办结材料' },
  reply: { title: '答复', fields: ['content'], required: ['content'], primary: true, files: '答复材料' },
  visit: { title: '回访', fields: ['satisfaction'], required: ['satisfaction'], primary: true },
  reopen: { title: '重新办理', fields: ['reason'], required: ['reason'] },
  pause: { title: '挂起', fields: ['reason'], required: ['reason'] },
  resume: { title: '恢复办理', fields: [], required: [] },
  'request-extension': { title: '申请延期', fields: ['days', 'reason'], required: ['days', 'reason'] },
  'approve-extension': { title: '批准延期', fields: [], required: [] },
  'deny-extension': { title: '驳回延期', fields: [], required: [] },
  supervise: { title: '督办', fields: ['note'], required: ['note'] },
  close: { title: '结案', fields: ['note'], required: [] },
  merge: { title: '合并办理', fields: ['intoCaseId', 'note'], required: ['intoCaseId'] },
  unlink: { title: '不是重复件', fields: ['note'], required: [] },
}

export const FIELD_LABELS: Record<CommandField, string> = {
  content: '答复内容',
  unitId: '承办单位',
  note: '说明',
  result: '办理结果',
  satisfaction: '群众满意度',
  reason: '原因',
  days: '延期工作日数',
  intoCaseId: '并入的诉求(编号)',
}

// What each role may do to a case the caller can see (case-service's CaseService decides; these only keep buttons
// that would be refused off the page).
const HANDLER: CaseCommand[] = ['accept', 'complete', 'escalate', 'return', 'pause', 'resume', 'request-extension', 'reply']
/** 退回 is the assigned unit's own: no other role gives it for the unit. */
const UNIT_ONLY: CaseCommand[] = ['return']
const DEPUTY: CaseCommand[] = ['answer', 'reply']
const SUPERVISOR_ONLY: CaseCommand[] = ['approve-extension', 'deny-extension', 'supervise', 'reopen']

export function commandsFor(view: Schema<'CaseView'>, roles: readonly Role[], unitId?: string, deputyId?: string): CaseCommand[] {
  return view.allowedCommands.filter((c) => {
    if (UNIT_ONLY.includes(c)) return roles.includes('HANDLER') && !!view.unitId && view.unitId === unitId
    if (roles.includes('ADMIN') || roles.includes('SUPERVISOR')) return true
    if (roles.includes('STATION_STAFF') && !SUPERVISOR_ONLY.includes(c)) return true
    if (roles.includes('HANDLER') && HANDLER.includes(c) && view.unitId && view.unitId === unitId) return true
    if (roles.includes('DEPUTY') && DEPUTY.includes(c) && view.receivingDeputyId && view.receivingDeputyId === deputyId) return true
    return false
  })
}

export function runCommand(id: string, command: CaseCommand, body: CaseCommandBody) {
  return call(
    api.POST('/api/v1/cases/{id}/{command}', {
      params: { path: { id, command } },
      body: Object.keys(body).length ? body : undefined,
    }),
  )
}

/** What the case page calls each kind of file by the step that added it (null: the citizen's submission). */
export function attachmentStep(step: string | null | undefined): string {
  if (step === 'complete') return COMMANDS.complete.files!
  if (step === 'reply') return COMMANDS.reply.files!
  return '群众提交'
}

let categories: Promise<Map<string, string>> | undefined

/** Category code → name (public reference data, kept for the session). */
export function categoryNames(): Promise<Map<string, string>> {
  categories ??= call(api.GET('/api/v1/cases/categories'))
    .then((list) => new Map(list.map((c) => [c.code, c.name] as [string, string])))
    .catch(() => {
      categories = undefined
      return new Map<string, string>()
    })
  return categories
}
