/**
 * Text helpers shared by the site parsers. Everything here reads untrusted page data: it never
 * throws, and it avoids regular expressions that could backtrack on long input, because it runs
 * once per capture on the path that decides whether a notification is held.
 */

/** Text of a title or body: React-like objects (Messenger) arrive as JSON and are read for strings. */
export function plainText(raw: string): string {
  const trimmed = raw.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return trimmed
  try {
    const parts: string[] = []
    const walk = (v: unknown, depth: number): void => {
      if (depth > 8 || parts.length > 50) return
      if (typeof v === 'string') parts.push(v)
      else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1)
      else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1)
    }
    walk(JSON.parse(trimmed), 0)
    return parts.join(' ').replace(/\s+/g, ' ').trim()
  } catch {
    return trimmed
  }
}

/**
 * One line of at most `max` characters: whitespace runs become one space. The cut never splits
 * a surrogate pair, so an emoji at the edge is dropped whole instead of leaving half a character.
 */
export function oneLine(raw: string, max: number): string {
  // Usually there is nothing to change: test before building new strings.
  let s = SPACED.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw
  if (s.length > max) {
    const last = s.charCodeAt(max - 1)
    s = s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max).trimEnd()
  }
  return s
}

/** Whitespace other than single inner spaces: a leading or trailing one, a run, a tab or newline. */
const SPACED = /^\s|\s$|\s\s|[^\S ]/

/** Longest JSON text worth parsing: the hook keeps 4,000 characters of `data`. */
const JSON_MAX = 8_192

/**
 * The object a JSON text holds, or undefined: for '', invalid or cut JSON, arrays, primitives
 * and texts too long to be a capture's. The caller still checks every field's type.
 */
export function readObject(raw: string): Record<string, unknown> | undefined {
  if (raw.length < 2 || raw.length > JSON_MAX) return undefined
  const s = raw.trim()
  if (!s.startsWith('{')) return undefined
  try {
    return objectOr(JSON.parse(s))
  } catch {
    return undefined
  }
}

/** `v` when it is a plain object (not null, not an array). */
export function objectOr(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined
}

/** A string or finite number as text, else ''. Pages put ids in either. */
export function idText(v: unknown): string {
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return ''
}

/** Longest sender prefix read from "Sender: text": names are short, message text is not. */
const SENDER_MAX = 64

/**
 * The sender of a body written "Sender: text", as chat apps write group messages, or null.
 * Only the first ": " within the first 64 characters counts, and never across a line break.
 */
export function senderPrefix(body: string): { sender: string; text: string } | null {
  const at = body.indexOf(': ')
  if (at <= 0 || at > SENDER_MAX) return null
  const sender = body.slice(0, at).trim()
  if (!sender || sender.includes('\n')) return null
  return { sender, text: body.slice(at + 2).trim() }
}
