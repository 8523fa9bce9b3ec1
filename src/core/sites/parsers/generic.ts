/**
 * The fallback for sites without documented evidence (Gmail, Outlook, Slack, Teams, Discord,
 * Google Chat, Yahoo, Proton, Zoho, Fastmail) and for payloads a site parser does not
 * recognise. Source: none; it reads only what any notification has, so its results are always
 * marked `recognised: false`.
 *
 * - name: the plain title, or the display part of a "Name <address>" title;
 * - emails: addresses written in angle brackets in the title or body ("Ana <ana@acme.com>"),
 *   or a title that is one address. A bare address inside the body is not taken: it is as
 *   likely someone the message mentions as the sender.
 */

import { normEmail } from '../../clients/identity'
import type { Site } from '..'
import type { CaptureInput, Parsed } from '../parse'
import { plainText } from '../text'
import { finish } from './shared'

/** Addresses taken from one capture at most: a mailing list digest must not flood identities. */
const EMAILS_MAX = 5
/** RFC 5321 limit; longer candidates are skipped unread, which also bounds the regex work. */
const ADDRESS_MAX = 254

export function generic(site: Site | undefined, cap: CaptureInput): Parsed {
  const title = plainText(cap.title)
  const body = plainText(cap.body)
  const emails: string[] = []
  let name = title
  const lt = title.lastIndexOf('<')
  if (lt >= 0 && title.endsWith('>')) {
    const address = title.slice(lt + 1, -1)
    if (address.length <= ADDRESS_MAX && normEmail(address)) {
      const display = unquote(title.slice(0, lt))
      name = display || address
    }
  } else if (title.length <= ADDRESS_MAX && title.includes('@') && normEmail(title)) {
    emails.push(title)
  }
  bracketed(title, emails)
  bracketed(body, emails)
  return finish(site, cap, 'generic', false, { name, emails, title, body })
}

/** Adds every "<address>" in `s` to `out`, up to EMAILS_MAX in all. One pass, no regex. */
function bracketed(s: string, out: string[]): void {
  let from = 0
  while (out.length < EMAILS_MAX) {
    const lt = s.indexOf('<', from)
    if (lt < 0) return
    const gt = s.indexOf('>', lt + 1)
    if (gt < 0) return
    const inner = s.slice(lt + 1, gt)
    if (inner.length <= ADDRESS_MAX && inner.includes('@') && normEmail(inner)) out.push(inner)
    from = gt + 1
  }
}

/** A display name without the quotes mail headers put around it: "\"Ruiz, Ana\"" → "Ruiz, Ana". */
function unquote(raw: string): string {
  const s = raw.trim()
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).trim() : s
}
