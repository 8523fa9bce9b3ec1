/**
 * Who a capture is from, as far as the payload says. The per-site parsers (SITES.md) refine this;
 * until then the title is what every site fills with the sender or conversation name.
 */
import type { Site } from './sites'
import { plainText } from './sites/text'

/** Moved to the site parsers' text helpers; re-exported here for existing callers. */
export { plainText }

export interface Sender {
  /** What the user reads: "Ana Ruiz", "#ops". */
  name: string
  /** Stable grouping key across captures: site and normalised name. */
  key: string
}

export function senderOf(site: Site | undefined, title: string): Sender {
  const name = plainText(title).slice(0, 120) || site?.label || '?'
  const siteId = site?.id ?? 'other'
  return { name, key: `${siteId}:${name.toLowerCase()}` }
}
