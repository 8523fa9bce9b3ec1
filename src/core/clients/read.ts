/**
 * Reading a capture in the user's terms: the site parser's reading of it, who that is under the
 * compiled rules, and the urgent keyword it carries. The capture path, "Try a notification" and
 * the decide bench all start from this.
 */
import type { Site } from '../sites'
import { type CaptureInput, type Parsed, parseCapture } from '../sites/parse'
import type { CompiledRules } from './compile'
import type { Match, SenderFacts } from './matcher'

export interface Reading {
  parsed: Parsed
  who: Match
  /** The urgent keyword in the title or body, '' if none. */
  keyword: string
}

/** What the matcher looks at, from what the parser read. */
export function factsOf(site: string, p: Parsed): SenderFacts {
  return {
    site,
    name: p.name,
    conversation: p.conversation,
    emails: p.emails,
    handles: p.handles,
  }
}

export function readCapture(
  rules: CompiledRules,
  site: Site | undefined,
  cap: CaptureInput,
): Reading {
  const parsed = parseCapture(site, cap)
  return {
    parsed,
    who: rules.match(factsOf(site?.id ?? '', parsed)),
    keyword: rules.keyword(parsed.text),
  }
}
