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

/**
 * 代表有约: the same rights, said of a booking (the station's staff and the deputy see the name and phone), and the SMS
 * the phone gets. Its own version, recorded with the booking.
 */
export const APPOINTMENT_NOTICE_VERSION = '2026-12-03'

export const APPOINTMENT_NOTICE = [
  '您的称呼和手机号由联络站工作人员和您预约的代表使用,只用于安排、联系和记录本次见面;见面时需要交办的事项按群众诉求办理。',
  '它们加密保存,名单上只显示部分号码;公开页面和统计中不会出现您的个人信息。',
  '见面前一天傍晚,这个手机号会收到一条提醒短信;代表撤销时段时,也会短信告知您。',
  '您可以随时用预约码和手机号取消预约,也可以到联络站查询、更正或要求删除。',
]
