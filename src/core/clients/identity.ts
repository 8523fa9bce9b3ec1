/**
 * How identities are compared. A client's identity as the user typed it and an identity a site
 * parser read from a notification go through the same function, so "Ana@Acme.com", "+34 600 11 12 22"
 * and "@ana" match what the payloads carry ("ana@acme.com", "34600111222@c.us", "ana").
 */

/** Lower case, trimmed; '' when it is not an address. */
export function normEmail(raw: string): string {
  const s = raw.trim().toLowerCase()
  return EMAIL.test(s) ? s : ''
}

/** A whole domain: "Acme.com", "@acme.com", "ana@acme.com" → "acme.com". */
export function normDomain(raw: string): string {
  let s = raw.trim().toLowerCase()
  const at = s.lastIndexOf('@')
  if (at >= 0) s = s.slice(at + 1)
  s = s.replace(/^\*?\./, '').replace(/\.$/, '')
  return DOMAIN.test(s) ? s : ''
}

/** The domain of an address, then each parent domain: "a.b.acme.com" → [a.b.acme.com, b.acme.com, acme.com]. */
export function domainsOf(email: string): string[] {
  const at = email.lastIndexOf('@')
  if (at < 0) return []
  const parts = email.slice(at + 1).split('.')
  const out: string[] = []
  for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'))
  return out
}

/**
 * A display name: accents, case and spacing do not matter ("José  Pérez" = "jose perez").
 */
export function normName(raw: string): string {
  // Most names and texts are plain ASCII with single spaces: nothing to take apart.
  if (PLAIN.test(raw)) return raw.toLowerCase()
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}

/**
 * A chat handle or id: lower case without a leading "@"; anything that looks like a phone
 * number (digits, spaces, "+", "-", ".", brackets, at least 6 digits) keeps only its digits,
 * so "+34 600 111 222" and WhatsApp's "34600111222@c.us" (read by its parser as 34600111222)
 * are the same person. A negative number (a Telegram group or channel id) keeps its sign.
 */
export function normHandle(raw: string): string {
  const s = raw.trim().replace(/^[@\s]+/, '')
  // A negative id is a Telegram group or channel, never a phone number: keep its sign.
  if (/^-\d+$/.test(s)) return s
  if (PHONE.test(s)) {
    const digits = s.replace(/\D/g, '')
    if (digits.length >= 6) return digits
  }
  return s.toLowerCase()
}

const EMAIL =
  /^[^\s@<>()",;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/
const PHONE = /^\+?[\d\s().-]+$/
/** Printable ASCII words separated by single spaces: normName would only lower its case. */
const PLAIN = /^(?:[\x21-\x7e]+(?: [\x21-\x7e]+)*)?$/
