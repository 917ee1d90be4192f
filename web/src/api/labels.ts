import type { Schema } from './client'

/**
 * The Chinese names of the contract's enums, for selects and tables. Typed by the contract's own enums: a value the
 * contract adds breaks the build here until it has a name.
 */
type Names<N extends keyof import('./schema').components['schemas']> = Record<Extract<Schema<N>, string>, string>

export const STATION_TYPES: Names<'StationType'> = {
  STATION: '联络站',
  HOME: '代表之家',
  STUDIO: '代表工作室',
  INDUSTRY: '产业站',
  POINT: '联络点',
  MOBILE: '移动联络站',
}

export const STATION_FEATURES: Names<'StationFeature'> = {
  MAILBOX: '民情信箱',
  MARKET_DAY_SITTING: '赶集日接待',
  ONLINE_PLATFORM: '网上联络站',
  EXPERT_TEAM: '专家顾问团',
  STATION_MASTER: '站长制',
  FIVE_INTO: '五进活动',
  RESIDENTS_COUNCIL: '居民议事会',
  HOUSE_HALL_COUNCIL: '屋场会',
  GRID_GOVERNANCE: '网格治理',
  LEGAL_CLASSROOM: '法治课堂',
  MEDICAL_INSURANCE_LINK: '医保联络',
  LIVESTREAM_SALES: '直播带货',
}

export const STANDARD_ITEMS: Names<'StandardItem'> = {
  SITE: '有场所',
  SIGN: '有牌子',
  RULES: '有制度',
  STAFF: '有人员',
  ACTIVITIES: '有活动',
  RECORDS: '有台账',
}

export const ACTIVITY_KINDS: Names<'ActivityKind'> = {
  FIVE_INTO: '五进',
  TRAINING: '代表讲堂',
  SURVEY: '调研视察',
  DELIBERATION: '议事会',
  EXCHANGE: '履职交流座谈会',
  PUBLIC_WELFARE: '公益活动',
  LIVESTREAM: '直播带货',
  REPORT: '代表进站报告履职',
}

export const FIVE_INTO_TARGETS: Names<'FiveIntoTarget'> = {
  SCHOOL: '进学校',
  ENTERPRISE: '进企业',
  HOSPITAL: '进医院',
  COMMUNITY: '进社区',
  HOMESTEAD: '进农户',
}

export const SCHEDULE_KINDS: Names<'ScheduleKind'> = {
  MONTHLY_DAYS: '每月固定日',
  WEEKLY: '每周固定日',
  EVERY_N_DAYS: '每隔若干天',
  DATES: '指定日期',
}

export const HOLIDAY_POLICIES: Names<'HolidayPolicy'> = {
  HELD: '照常接待',
  SKIPPED: '取消',
  NEXT_WORKING_DAY: '顺延至下一工作日',
}

export const DEPUTY_LEVELS: Names<'DeputyLevel'> = {
  NATIONAL: '全国人大代表',
  PROVINCIAL: '省人大代表',
  CITY: '市(州)人大代表',
  COUNTY: '县(市、区)人大代表',
  TOWNSHIP: '乡(镇)人大代表',
}

export const GENDERS: Names<'Gender'> = { MALE: '男', FEMALE: '女' }

export const FACT_TYPES: Names<'FactType'> = {
  STATION_ENTRY: '进站履职',
  ACTIVITY_FIVE_INTO: '五进活动',
  ACTIVITY_TRAINING: '代表讲堂',
  ACTIVITY_SURVEY: '调研视察',
  ACTIVITY_DELIBERATION: '议事会',
  ACTIVITY_EXCHANGE: '履职交流座谈会',
  ACTIVITY_PUBLIC_WELFARE: '公益活动',
  ACTIVITY_LIVESTREAM: '直播带货',
  ACTIVITY_REPORT: '述职评议',
  CASE_RECEIVED: '接收群众诉求',
  CASE_ANSWERED_ON_THE_SPOT: '当场答复诉求',
  CASE_CLOSED_SATISFIED: '诉求办结满意',
  SUGGESTION_MADE: '提出建议',
  SUGGESTION_JOINED: '联名建议',
  KEY_SUGGESTION: '重点建议',
  VOTE_CAST: '民生实事票决',
  PROJECT_SUPERVISION: '监督民生实事',
  DRAFT_COMMENT: '立法意见征集',
  UNEXCUSED_ABSENCE_HALF_DAY: '无故缺席(半天)',
}

export const LEDGER_KINDS: Names<'LedgerEntryKind'> = {
  AWARD: '计分',
  REVERSAL: '冲销',
  CORRECTION: '更正',
  APPEAL: '申诉',
}

export const APPEAL_STATUSES: Names<'AppealStatus'> = { OPEN: '待处理', GRANTED: '已支持', DENIED: '未支持' }

export const ALERT_KINDS: Names<'PointsAlertKind'> = { STATION_ENTRIES: '进站次数不足', LOW_SCORE: '积分偏低' }

export const SUGGESTION_COMMANDS: Names<'SuggestionCommand'> = {
  assign: '交办',
  'co-answer': '协办答复',
  answer: '主办答复',
  rate: '代表评价',
  'request-extension': '申请延期',
  'approve-extension': '批准延期',
  supervise: '督办',
  'mark-key': '列为重点建议',
}

export const SUGGESTION_STATUSES: Names<'SuggestionStatus'> = {
  SUBMITTED: '已提出',
  ASSIGNED: '已交办',
  ANSWERED: '已答复',
  CLOSED: '已办结',
}

export const GRADES: Names<'Grade'> = {
  A: 'A 类(已解决或采纳)',
  B: 'B 类(正在解决或计划解决)',
  C: 'C 类(因条件限制留作参考)',
  D: 'D 类(不予采纳)',
}

export const SATISFACTIONS: Names<'Satisfaction'> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  UNSATISFIED: '不满意',
}

/** 代表有约: where a citizen's appointment with a deputy stands. */
export const APPOINTMENT_STATUSES: Names<'AppointmentStatus'> = {
  BOOKED: '已预约',
  CANCELLED: '已取消',
  MET: '已见面',
  CITIZEN_NO_SHOW: '群众未到',
  DEPUTY_NO_SHOW: '代表未到',
}

/** 代表有约: which side did not come. */
export const NO_SHOWS: Names<'NoShow'> = { CITIZEN_NO_SHOW: '群众未到', DEPUTY_NO_SHOW: '代表未到' }

export const VOTE_CHOICES: Names<'VoteChoice'> = { FOR: '赞成', AGAINST: '反对', ABSTAIN: '弃权' }

/** 三督: what a deputy's supervision of a livelihood project looks at. */
export const SUPERVISION_KINDS: Names<'SupervisionKind'> = { PROGRESS: '督进度', QUALITY: '督质量', FUNDS: '督资金' }

/** 三评: who evaluated a livelihood project. */
export const EVALUATION_SOURCES: Names<'EvaluationSource'> = { CITIZEN: '群众评', DEPUTY: '代表评', UNIT: '部门自评' }

export const PROJECT_STATUSES: Names<'ProjectStatus'> = {
  PROPOSED: '已征集',
  SHORTLISTED: '已列入候选',
  VOTING: '票决中',
  SELECTED: '已票决通过',
  REJECTED: '未通过',
  TIED: '票数相同待重投',
  IMPLEMENTING: '实施中',
  COMPLETED: '已完成',
  EVALUATED: '已评议',
}

export const CONGRESS_LEVELS: Names<'CongressLevel'> = DEPUTY_LEVELS

export const MODERATION_STATES: Names<'ModerationState'> = { PENDING: '待审核', APPROVED: '已通过', HIDDEN: '已隐藏' }

export const MODERATED_KINDS: Names<'ModeratedKind'> = { PROJECT: '群众点题', EVALUATION: '项目评价', DRAFT_COMMENT: '立法意见' }

export const MODERATION_FLAGS: Names<'ModerationFlag'> = { LINK: '含链接', NUMBER: '含号码' }

/** 立法意见征集: what became of a comment on a draft law. */
export const ASSESSMENTS: Names<'Assessment'> = { ADOPTED: '采纳', PARTLY_ADOPTED: '部分采纳', NOT_ADOPTED: '未采纳' }

export const MODERATION_COMMANDS: Names<'ModerationCommand'> = { approve: '通过', hide: '隐藏', restore: '恢复' }

/** The options of a select: [{ value, label }] in the order of the names. */
export function options<K extends string>(names: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(names) as K[]).map((value) => ({ value, label: names[value] }))
}

/** The name of a value, or the value itself when it has none (a value the contract added later). */
export function nameOf<K extends string>(names: Record<K, string>, value: K | null | undefined): string {
  return value ? (names[value] ?? value) : ''
}

export const WEEKDAYS: Names<'DayOfWeek'> = {
  MONDAY: '周一',
  TUESDAY: '周二',
  WEDNESDAY: '周三',
  THURSDAY: '周四',
  FRIDAY: '周五',
  SATURDAY: '周六',
  SUNDAY: '周日',
}

export const SERVICE_NAMES: Names<'ServiceName'> = {
  'station-service': '联络站服务',
  'deputy-service': '代表服务',
  'case-service': '诉求服务',
  'scoring-service': '积分服务',
}
