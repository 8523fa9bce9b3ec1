/**
 * "Try a notification": what Margen would do with a made-up notification at a given time, under
 * the given settings, by the same steps as the capture path (background/captures.ts): parse it
 * as its site would be parsed, find the sender, look for an urgent keyword, find the quiet
 * period in force, decide. So the user can check their clients and rules before a block does.
 *
 * A try has no past: it decides with empty history, so the repeat rule (which counts the
 * client's earlier messages) and the daily quota (which counts earlier breakthroughs) never
 * fire or run out here. The options page says so next to the result.
 */
import { type Decision, decide, NO_HISTORY, OPEN, type QuietPeriod } from '../decide'
import { type QuietOptions, quietAt } from '../schedule'
import type { Settings } from '../settings'
import { siteById } from '../sites'
import type { Parsed } from '../sites/parse'
import { compileRules } from './compile'
import type { Match } from './matcher'
import { readCapture } from './read'

export interface TryInput {
  /** A built-in site id. */
  site: string
  title: string
  body: string
  /** When it would arrive (ms since epoch). */
  at: number
}

export interface TryResult {
  parsed: Parsed
  who: Match
  /** The urgent keyword found ('' if none). */
  keyword: string
  quiet: QuietPeriod | null
  /** false when the user chose not to watch the site: then everything from it passes. */
  watched: boolean
  decision: Decision
}

/**
 * `opts`: the manual session and the periods ended early, when the caller knows them (for "now");
 * without them only the weekly schedule counts.
 */
export function tryNotification(
  settings: Settings,
  input: TryInput,
  opts: QuietOptions = {},
): TryResult {
  const site = siteById(input.site)
  const rules = compileRules(settings.rules)
  const { parsed, who, keyword } = readCapture(rules, site, {
    title: input.title,
    body: input.body,
    tag: '',
    data: '',
    pageUrl: site?.home ?? '',
  })
  const quiet = quietAt(settings.schedule, input.at, opts)
  // As on the capture path: an unwatched site's notifications pass without a decision.
  const watched = !settings.unwatched.includes(input.site)
  const decision = watched
    ? decide({
        quiet,
        site: input.site,
        who,
        keyword,
        emergencyChannel: rules.emergencyChannel,
        history: NO_HISTORY,
      })
    : OPEN
  return { parsed, who, keyword, quiet, watched, decision }
}
