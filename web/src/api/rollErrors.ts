import type { FieldProblem } from './problem'
import { chineseOf } from './sentences'

/** One error of a refused roll file, as the import's error table shows it. */
export interface RollError {
  /** the line of the file (the header is line 1), or null for an error of the whole file */
  row: number | null
  /** the column (the roll's header: 姓名, 民族 …) */
  column: string
  message: string
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
