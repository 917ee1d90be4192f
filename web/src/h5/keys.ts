/**
 * A new Idempotency-Key for one filled-in form: sent again with the same key after a lost answer (a phone between
 * cells), the API keeps one case. crypto.randomUUID is missing outside secure contexts (plain http on a LAN).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A mainland mobile number or a landline with its area code, as the API accepts it. */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/
