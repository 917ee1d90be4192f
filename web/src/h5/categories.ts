/**
 * Each case category as a citizen would say it (the categories case-service ships,
 * case-service/src/main/resources/reference/categories.csv); a category a region adds later shows with its name alone.
 */
export const PLAIN_WORDS: Record<string, string> = {
  MEDICAL_INSURANCE: '看病报销、医保缴费、异地就医',
  SOCIAL_SECURITY: '养老金、低保、社保',
  EMPLOYMENT: '找工作、工资拖欠、创业扶持',
  EDUCATION: '上学、入园、学校周边',
  HEALTH: '看病难、卫生院、防疫',
  ROADS: '道路损坏、公交、交通安全',
  ENVIRONMENT: '污染、垃圾、噪音、河道',
  AGRICULTURE: '种养、农资、农产品卖不出去',
  INFRASTRUCTURE: '停水停电、网络、村里的路和桥',
  PROPERTY: '小区物业、维修、停车',
  SAFETY: '危房、塌方、消防等隐患',
  DISPUTE: '邻里、土地、家庭纠纷',
  LEGAL_AID: '不懂的法律问题、打官司',
  LEGISLATION: '对法规规章的意见建议',
  OTHER: '以上都不是',
}
