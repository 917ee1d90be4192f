import type { FieldProblem } from './problem'

/** One error of a refused roll file, as the import's error table shows it. */
export interface RollError {
  /** the line of the file (the header is line 1), or null for an error of the whole file */
  row: number | null
  /** the column (the roll's header: 姓名, 民族 …) */
  column: string
  message: string
}

/**
 * The import names each error "row 5: 民族" and says what is wrong in a short English sentence; people read it in
 * Chinese. Sentences not known here are shown as they came, after a Chinese lead-in.
 */
const SENTENCES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^required$/, () => '必填,不能为空'],
  [/^must not be (blank|null|empty)$/, () => '必填,不能为空'],
  [/^'(.*)' is not 男 or 女$/, (m) => `“${m[1]}”不是有效的性别,应填“男”或“女”`],
  [/^'(.*)' is not one of the 56 民族/, (m) => `“${m[1]}”不是 56 个民族之一(如汉族、白族、苗族、土家族)`],
  [/^'(.*)' is not a whole number$/, (m) => `“${m[1]}”不是整数`],
  [/^'(.*)' is not a date/, (m) => `“${m[1]}”不是日期,格式如 2021-12-01`],
  [/^'(.*)' is not a level/, (m) => `“${m[1]}”不是代表层级,应为全国、省、市、县或乡`],
  [/^a formula is not accepted: (.*)$/, (m) => `不接受公式:${m[1]}`],
  [/^cannot be read: (.*)$/, (m) => `无法识别:${m[1]}`],
  [/^Invalid UUID string: (.*)$/, (m) => `“${m[1]}”不是有效的联络站ID`],
  [/^station (.*) is not known$/, (m) => `联络站 ${m[1]} 不存在`],
  [/^the station lies outside your scope$/, () => '该联络站不在您的管辖区域内'],
  [/^(.*) lies outside your scope$/, (m) => `${m[1]} 不在您的管辖区域内`],
  [/^the same person and term appear twice in the file$/, () => '同一人同一届次在文件中出现了两次'],
  [/^(.*) is already registered in (.*) for this level and term$/, (m) => `${m[1]} 已在 ${m[2]} 登记过同一层级和届次`],
  [/^must be greater than or equal to (\d+)$/, (m) => `不能小于 ${m[1]}`],
  [/^must be less than or equal to (\d+)$/, (m) => `不能大于 ${m[1]}`],
  [/^size must be between (\d+) and (\d+)$/, (m) => `长度应在 ${m[1]} 到 ${m[2]} 之间`],
  [/^a phone number/, () => '不是有效的电话号码(5 到 20 位数字,可含空格、+ 或 -)'],
]

export function chineseOf(message: string): string {
  for (const [pattern, say] of SENTENCES) {
    const m = pattern.exec(message.trim())
    if (m) return say(m)
  }
  return /[\u4e00-\u9fff]/.test(message) ? message : `内容有误:${message}`
}

/** The rows of the error table, in the order of the file. */
export function rollErrors(errors: FieldProblem[]): RollError[] {
  return errors
    .map((e) => {
      const m = /^row (\d+):\s*(.*)$/.exec(e.field)
      const column = m ? m[2].replace(/^column (\d+)$/, '第 $1 列') : e.field
      return { row: m ? Number(m[1]) : null, column, message: chineseOf(e.message) }
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
}
