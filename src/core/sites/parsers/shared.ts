/**
 * What every parser does the same way once it has read a payload: normalise identities with the
 * functions clients' identities go through, keep names short and never empty, and fill the
 * plain text. Parsers decide only what the payload says; this decides how Margen stores it, so
 * captures from every site compare alike.
 */

import { normEmail, normHandle } from '../../clients/identity'
import type { Site } from '..'
import type { CaptureInput, Parsed } from '../parse'
import { oneLine, plainText } from '../text'

export const NAME_MAX = 120

/** What a parser read, before normalisation. */
export interface Reading {
  name: string
  conversation?: string
  emails?: readonly string[]
  handles?: readonly string[]
  /** The title and body as plain text, when the parser decoded them itself (Messenger). */
  title?: string
  body?: string
}

export function finish(
  site: Site | undefined,
  cap: CaptureInput,
  parser: string,
  recognised: boolean,
  r: Reading,
): Parsed {
  let conversation = oneLine(r.conversation ?? '', NAME_MAX)
  const name = oneLine(r.name, NAME_MAX) || conversation || site?.label || '?'
  if (conversation.toLowerCase() === name.toLowerCase()) conversation = ''
  const title = r.title ?? plainText(cap.title)
  const body = r.body ?? plainText(cap.body)
  return {
    name,
    emails: normalised(r.emails, normEmail),
    handles: normalised(r.handles, normHandle),
    conversation,
    kind: site?.kind ?? 'chat',
    text: title && body ? `${title}\n${body}` : title || body,
    parser,
    recognised,
  }
}

/** Each value normalised, without empties or repeats, in the order found. */
function normalised(raw: readonly string[] | undefined, norm: (s: string) => string): string[] {
  const out: string[] = []
  if (!raw) return out
  for (const v of raw) {
    const n = norm(v)
    if (n && !out.includes(n)) out.push(n)
  }
  return out
}
