/**
 * The rules engine: deliver or hold, the reason code, and the rule that decided, so that every
 * verdict can be explained to the user ("Delivered: Ana is an emergency sender").
 *
 * The rules, in this fixed order (the first that applies decides):
 *   1. Outside a quiet period everything is delivered (`open`).
 *   2. An emergency sender is delivered in any quiet period (`emergency-sender`).
 *   3. A sender who belongs to no client is held (`unknown-sender`).
 *   4. A low-tolerance client is held (`low-tolerance`): only emergency senders get through.
 *   5. A breakthrough rule of the client, the first of:
 *        a. the emergency channel: the client wrote on the site the user designated
 *           (`emergency-channel`);
 *        b. an urgent keyword in the title or body (`urgent-keyword`) — blocks only;
 *        c. the client's repeat rule: the Nth message within M minutes since its last
 *           breakthrough (`repeat`) — blocks only;
 *      lets it through, unless the client has used its daily breakthrough quota (`quota-used`).
 *      Off-hours hold everything but emergencies: there, only 2 and 5a apply
 *      (`emergencies-only`).
 *   6. Anything else is held (`no-breakthrough`).
 * Held verdicts carry the quiet period's kind as reason code (`block` or `off-hours`).
 */

import type { Match } from './clients/matcher'
import type { Client } from './clients/schema'
import type { Reason, Verdict } from './messages'

export interface QuietPeriod {
  kind: 'block' | 'off-hours'
  /** The session or block occurrence it belongs to. */
  id: string
  until: number
}

/** Why a verdict was reached: the rule that fired and what it fired on. */
export type Why =
  | { rule: 'open' }
  | { rule: 'emergency-sender'; identity: string }
  | { rule: 'emergency-channel'; site: string }
  | { rule: 'urgent-keyword'; keyword: string }
  | { rule: 'repeat'; count: number; minutes: number }
  | { rule: 'unknown-sender' }
  | { rule: 'low-tolerance' }
  | { rule: 'quota-used'; quota: number; wanted: BreakthroughRule }
  | { rule: 'emergencies-only' }
  | { rule: 'no-breakthrough' }

export type BreakthroughRule = 'emergency-channel' | 'urgent-keyword' | 'repeat'

/** The client's recent past, read from the store before deciding. */
export interface History {
  /** The client's earlier messages within its repeat window, since its last breakthrough. */
  recent: number
  /** The client's breakthroughs (rules 5a–c) since local midnight. */
  today: number
}

export const NO_HISTORY: History = { recent: 0, today: 0 }

export interface DecideInput {
  quiet: QuietPeriod | null
  site: string
  /** Who it is from (clients/matcher). */
  who: Match
  /** The urgent keyword found in the title or body ('' if none): clients/keywords. */
  keyword: string
  /** The designated emergency channel ('' if none). */
  emergencyChannel: string
  history: History
}

export interface Decision {
  verdict: Verdict
  reason: Reason
  why: Why
}

/** Outside a quiet period (and for whatever the page already showed). */
export const OPEN: Decision = { verdict: 'deliver', reason: 'open', why: { rule: 'open' } }

const deliver = (why: Why & { rule: Reason }): Decision => ({
  verdict: 'deliver',
  reason: why.rule,
  why,
})

export function decide(input: DecideInput): Decision {
  const { quiet, who } = input
  if (!quiet) return OPEN
  const hold = (why: Why): Decision => ({ verdict: 'hold', reason: quiet.kind, why })
  if (who.emergency) return deliver({ rule: 'emergency-sender', identity: who.emergency.value })
  const client = who.client
  if (!client) return hold({ rule: 'unknown-sender' })
  if (client.tier === 'low-tolerance') return hold({ rule: 'low-tolerance' })
  const wanted = breakthrough(input, client)
  if (!wanted)
    return hold({ rule: quiet.kind === 'off-hours' ? 'emergencies-only' : 'no-breakthrough' })
  if (input.history.today >= client.quota)
    return hold({ rule: 'quota-used', quota: client.quota, wanted: wanted.rule })
  return deliver(wanted)
}

type BreakthroughWhy = Extract<Why, { rule: BreakthroughRule }>

function breakthrough(input: DecideInput, client: Client): BreakthroughWhy | null {
  if (client.channel && input.emergencyChannel !== '' && input.site === input.emergencyChannel)
    return { rule: 'emergency-channel', site: input.site }
  if (input.quiet?.kind !== 'block') return null
  if (client.keywords && input.keyword) return { rule: 'urgent-keyword', keyword: input.keyword }
  const repeat = client.repeat
  if (repeat && input.history.recent + 1 >= repeat.count)
    return { rule: 'repeat', count: repeat.count, minutes: repeat.minutes }
  return null
}

/** Reason codes that mean a delivery during a quiet period. */
export const BREAKTHROUGH_REASONS: readonly Reason[] = [
  'emergency-sender',
  'emergency-channel',
  'urgent-keyword',
  'repeat',
]
