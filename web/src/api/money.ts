/**
 * Money: the API counts whole fen (分) — budgetFen, amountFen — so nothing is lost to rounding; people read and type
 * yuan (元) with two decimals.
 */
const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** fen as yuan, e.g. 123450 → "1,234.50 元"; "—" for none. */
export function yuan(fen: number | null | undefined): string {
  return fen == null ? '—' : `${yuanFormat.format(fen / 100)} 元`
}

/** yuan typed by a person (at most two decimals) as whole fen, without the float's rounding errors. */
export function toFen(yuanAmount: number): number {
  return Math.round(yuanAmount * 100)
}
