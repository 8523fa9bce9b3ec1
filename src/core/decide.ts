/**
 * The rules engine. For now a quiet period holds everything and open time delivers everything;
 * breakthrough rules (emergency senders, channels, repeats, keywords) come in a fixed order
 * before the quiet-period rule.
 */
import type { Reason, Verdict } from './messages'

export interface QuietPeriod {
  kind: 'block' | 'off-hours'
  /** The session or block occurrence it belongs to. */
  id: string
  until: number
}

export interface Decision {
  verdict: Verdict
  reason: Reason
}

export function decide(quiet: QuietPeriod | null): Decision {
  if (!quiet) return { verdict: 'deliver', reason: 'open' }
  return { verdict: 'hold', reason: quiet.kind }
}
