/**
 * What a citizen is told before giving a name and phone (个人信息保护法 §17: who handles it, what for, how, how long,
 * and their rights). The version is recorded with the consent; a changed text gets a new version.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-01'

export const PRIVACY_NOTICE = [
  '您的称呼和手机号由受理的人大代表联络站及承办部门使用,只用于办理、答复和回访本次诉求。',
  '它们加密保存,只有经办人员能看到;公开的统计和数据中不会出现您的个人信息。',
  '办结后按档案管理规定保存;您可以随时到联络站查询、更正,或要求删除。',
]
