/**
 * The API says what is wrong with a field in a short English sentence (Bean Validation's, or the services' own);
 * people read it in Chinese. Sentences not known here keep their words after a Chinese lead-in.
 */
const SENTENCES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^(required|must not be (blank|null|empty))$/, () => '必填,不能为空'],
  [/^required for (.*)$/, () => '此项必填'],
  [/^'(.*)' is not 男 or 女$/, (m) => `“${m[1]}”不是有效的性别,应填“男”或“女”`],
  [/^'(.*)' is not one of the 56 民族/, (m) => `“${m[1]}”不是 56 个民族之一(如汉族、白族、苗族、土家族)`],
  [/^'(.*)' is not a whole number$/, (m) => `“${m[1]}”不是整数`],
  [/^'(.*)' is not a date/, (m) => `“${m[1]}”不是日期,格式如 2021-12-01`],
  [/^'(.*)' is not a level/, (m) => `“${m[1]}”不是代表层级,应为全国、省、市、县或乡`],
  [/^a formula is not accepted: (.*)$/, (m) => `不接受公式:${m[1]}`],
  [/^cannot be read: (.*)$/, (m) => `无法识别:${m[1]}`],
  [/^Invalid UUID string: (.*)$/, (m) => `“${m[1]}”不是有效的编号`],
  [/^station (.*) is not known$/, (m) => `联络站 ${m[1]} 不存在`],
  [/^the station lies outside your scope$/, () => '该联络站不在您的管辖区域内'],
  [/^(.*) lies outside your scope$/, (m) => `${m[1]} 不在您的管辖区域内`],
  [/^the same person and term appear twice in the file$/, () => '同一人同一届次在文件中出现了两次'],
  [/^(.*) is already registered in (.*) for this level and term$/, (m) => `${m[1]} 已在 ${m[2]} 登记过同一层级和届次`],
  [/^must be greater than or equal to (-?\d+)$/, (m) => `不能小于 ${m[1]}`],
  [/^must be less than or equal to (-?\d+)$/, (m) => `不能大于 ${m[1]}`],
  [/^must be greater than (-?\d+)$/, (m) => `必须大于 ${m[1]}`],
  [/^size must be between (\d+) and (\d+)$/, (m) => `长度或个数应在 ${m[1]} 到 ${m[2]} 之间`],
  [/^must match /, () => '格式不正确'],
  [/^a mainland mobile number/, () => '不是有效的手机号或座机号(座机请带区号,如 0743-1234567)'],
  [/^a phone number/, () => '不是有效的电话号码(5 到 20 位数字,可含空格、+ 或 -)'],
  [/^deputy .* is not a registered deputy/, () => '不是已登记的代表'],
  [/^deputy .* holds no active mandate$/, () => '该代表不在任'],
  [/^deputy .* neither is assigned to nor lives in/, () => '该代表既未进驻此处,也不居住在本地区,不能在此记录'],
  [/cannot lie in the future$/, () => '日期不能晚于今天'],
  [/^the vote closes after it opens$/, () => '投票截止时间应晚于开始时间'],
  [/^1 to 3 months$/, () => '延期 1 到 3 个月'],
  [/^name the contested entry/, () => '请选择有异议的积分记录,或填写漏记事项及分值'],
  [/^a citizen's evaluation gives their phone/, () => '请填写群众手机号(每个手机号评议一次)'],
  [/^name the deputy who makes the suggestion$/, () => '请选择领衔代表'],
  [/^case (.*) does not exist$/, (m) => `诉求 ${m[1]} 不存在`],
  [/^case (.*) lies in (.*), outside/, (m) => `诉求 ${m[1]} 不在本地区`],
]

/** The Chinese of an API sentence about a field. */
export function chineseOf(message: string): string {
  for (const [pattern, say] of SENTENCES) {
    const m = pattern.exec(message.trim())
    if (m) return say(m)
  }
  return /[\u4e00-\u9fff]/.test(message) ? message : `内容有误:${message}`
}
