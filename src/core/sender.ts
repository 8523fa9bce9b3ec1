/**
 * Who a capture is from, as far as the payload says. The per-site parsers (SITES.md) refine this;
 * until then the title is what every site fills with the sender or conversation name.
 */
import type { Site } from './sites'

export interface Sender {
  /** What the user reads: "Ana Ruiz", "#ops". */
  name: string
  /** Stable grouping key across captures: site and normalised name. */
  key: string
}

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

export function senderOf(site: Site | undefined, title: string): Sender {
  const name = plainText(title).slice(0, 120) || site?.label || '?'
  const siteId = site?.id ?? 'other'
  return { name, key: `${siteId}:${name.toLowerCase()}` }
}
