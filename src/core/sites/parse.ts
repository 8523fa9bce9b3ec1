/**
 * Reads who a capture is from, per site. Each site with documented evidence of how it notifies
 * has its own parser (see docs/SITES-EVIDENCE.md); the others, and any payload a site parser
 * does not recognise, go to the generic parser and are marked `recognised: false`, so that the
 * gap shows in the counts instead of being guessed over.
 */
import type { Site } from '.'
import { generic } from './parsers/generic'
import { messenger } from './parsers/messenger'
import { telegram } from './parsers/telegram'
import { whatsapp } from './parsers/whatsapp'

export interface CaptureInput {
  title: string
  body: string
  tag: string
  /** JSON text of the notification's data, or '' */
  data: string
  pageUrl: string
}

export interface Parsed {
  /** Who wrote, for the user: "Ana Ruiz". Never empty: falls back to the conversation, then the site label, then '?'. Max 120 chars. */
  name: string
  /** Email addresses the payload carries for the sender, normalised with normEmail. */
  emails: string[]
  /** Chat handles / ids the payload carries for the sender or chat, normalised with normHandle. */
  handles: string[]
  /** The chat, group, channel or thread, when the payload says it and it differs from the sender ('' otherwise). */
  conversation: string
  kind: 'mail' | 'chat'
  /** Title and body as plain text, for urgent-keyword matching. */
  text: string
  /** The site id of the parser that read it, or 'generic'. */
  parser: string
  /** false when the generic fallback was used (no parser for the site, or the site's parser did not recognise the shape). */
  recognised: boolean
}

/** A site's parser: null when the payload has a shape its evidence does not cover. */
export type SiteParser = (site: Site, cap: CaptureInput) => Parsed | null

/** A Map, not an object: a site id such as "constructor" must not find a prototype member. */
const PARSERS: ReadonlyMap<string, SiteParser> = new Map([
  ['telegram', telegram],
  ['whatsapp', whatsapp],
  ['messenger', messenger],
])

export function parseCapture(site: Site | undefined, cap: CaptureInput): Parsed {
  // The type says strings; the values come from a page, so make sure once, here.
  const input: CaptureInput = {
    title: text(cap?.title),
    body: text(cap?.body),
    tag: text(cap?.tag),
    data: text(cap?.data),
    pageUrl: text(cap?.pageUrl),
  }
  const parser = site && PARSERS.get(site.id)
  if (site && parser) {
    try {
      const parsed = parser(site, input)
      if (parsed) return parsed
    } catch {
      // A parser bug must cost a capture its details, never the capture.
    }
  }
  return generic(site, input)
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : ''
}
