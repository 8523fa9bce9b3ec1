/**
 * Day summaries: the tally (tally.ts) of one complete local day, stored by the background in the
 * `insightDays` table so that a 30-day view reads 29 small rows and today's captures instead of
 * every capture of the period.
 *
 * A stored row is untrusted: it is parsed on every read, and one that does not parse, has an old
 * `version`, or was cut for other day bounds (the time zone changed since) is simply not used:
 * that day is counted from its captures again and the background asked to summarise it anew.
 *
 * A summary goes stale when its day's captures change. Retention deletes whole old days (their
 * summaries go with them, store/retention.ts) and "delete all history" deletes every summary.
 * KNOWN LIMIT: a capture stored in an already-summarised day, which only a clock set back and
 * then put right can do, is not noticed: that day keeps showing its summary's numbers until the
 * summary is deleted (retention, "delete all history") or SUMMARY_VERSION changes. Checking the
 * past days' count on every load would notice it, but an IndexedDB count over the 30k `at` keys
 * of a 30-day view took 150–200 ms in Chromium, most of the budget the summaries win back.
 */
import { z } from 'zod'
import type { Tally } from './tally'
import { dayStart, type Zone } from './zone'

/** Bumped whenever what a summary holds or means changes: older rows are recomputed. */
export const SUMMARY_VERSION = 1

const n = z.number().int().min(0)
const line = z.strictObject({
  key: z.string(),
  captures: n,
  held: n,
  delivered: n,
  breakthroughs: n,
})

export const DaySummary = z.strictObject({
  /** The local day number (days since 1970-01-01 in local time): the table's key. */
  day: z.number().int(),
  version: z.literal(SUMMARY_VERSION),
  /** The day's captures when summarised, to notice a day that changed since. */
  count: n,
  from: z.number(),
  to: z.number(),
  parts: z.array(
    z.strictObject({
      day: z.number().int(),
      captures: n,
      held: n,
      delivered: n,
      breakthroughs: n,
      episodes: n,
      carried: n,
    }),
  ),
  heat: z.array(z.tuple([z.number().int().min(0).max(6), z.number().int().min(0).max(23), n])),
  clients: z.array(line),
  sites: z.array(line),
})
export type DaySummary = z.infer<typeof DaySummary>

export const summaryOf = (day: number, t: Tally): DaySummary => ({
  day,
  version: SUMMARY_VERSION,
  count: t.parts.reduce((s, p) => s + p.captures, 0),
  ...t,
})

/**
 * The stored row as a summary of `day` in `zone`, or null when it cannot be used: see above.
 */
export function readSummary(zone: Zone, day: number, row: unknown): DaySummary | null {
  const parsed = DaySummary.safeParse(row)
  if (!parsed.success) return null
  const s = parsed.data
  if (s.day !== day || s.from !== dayStart(zone, day) || s.to !== dayStart(zone, day + 1))
    return null
  if (s.parts.reduce((sum, p) => sum + p.captures, 0) !== s.count) return null
  return s
}
