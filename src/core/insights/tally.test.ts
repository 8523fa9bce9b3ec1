import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BREAKTHROUGH_REASONS } from '../decide'
import { cryWolf } from './cry-wolf'
import { episodeStarts } from './episodes'
import { focusEstimate } from './estimate'
import { finish } from './finish'
import { heatmap } from './heatmap'
import { type InsightOptions, type Insights, rangeOf } from './index'
import { count, type InsightRow, noCounts } from './row'
import { readSummary, summaryOf } from './summary'
import { type Tally, tallySlice } from './tally'
import { bucketize, row, zoneNamed } from './testing'
import { byClient, bySite } from './top'
import { dayStart, HOUR, MINUTE, type Zone } from './zone'

/** The statistics straight from every raw row, as the page computed them before tallies. */
function fromRaw(rows: readonly InsightRow[], o: InsightOptions): Insights {
  const inRange = rows.filter((r) => r.at >= o.range.from && r.at < o.range.to)
  const starts = episodeStarts(inRange)
  const totals = { episodes: starts.length, ...noCounts() }
  for (const r of inRange) count(totals, r)
  return {
    totals,
    buckets: bucketize(o.zone, o.granularity, o.range, inRange, starts),
    byClient: byClient(inRange),
    bySite: bySite(inRange),
    heatmap: heatmap(o.zone, inRange),
    cryWolf: cryWolf(inRange),
    focus: focusEstimate(starts.length, o.minutesPer),
  }
}

/** Complete past days as stored summaries (through JSON, read back), today raw. */
function fromSummaries(zone: Zone, rows: readonly InsightRow[], o: InsightOptions): Insights {
  const { firstDay, lastDay } = o.range
  const slices: Tally[] = []
  for (let day = firstDay; day < lastDay; day++) {
    const t = tallySlice(zone, dayStart(zone, day), dayStart(zone, day + 1), rows, rows)
    const stored = readSummary(zone, day, JSON.parse(JSON.stringify(summaryOf(day, t))))
    if (!stored) throw new Error(`summary of day ${day} did not read back`)
    slices.push(stored)
  }
  const today = dayStart(zone, lastDay)
  slices.push(tallySlice(zone, today, o.range.to, rows, rows))
  return finish(slices, rows, o)
}

const REASONS = ['open', 'block', 'off-hours', ...BREAKTHROUGH_REASONS] as const

const arbRow = (from: number, span: number) =>
  fc
    .record({
      at: fc.integer({ min: from, max: from + span }),
      held: fc.boolean(),
      reason: fc.constantFrom(...REASONS),
      clientId: fc.constantFrom('', 'acme', 'beta'),
      site: fc.constantFrom('gmail', 'slack'),
      sender: fc.constantFrom('ana', 'bo', 'cy'),
      conversation: fc.constantFrom('', '', 'general'),
      urgent: fc.constantFrom(0 as const, 1 as const),
      notUrgent: fc.constantFrom(0 as const, 1 as const),
    })
    .map((r) =>
      row({
        at: r.at,
        verdict: r.held ? 'hold' : 'deliver',
        reason: r.held ? 'block' : r.reason,
        clientId: r.clientId,
        site: r.site,
        senderKey: `${r.site}:${r.sender}`,
        conversation: r.conversation,
        urgent: r.urgent,
        notUrgent: r.notUrgent,
      }),
    )

/** Bursts around midnights (chains across them) plus rows anywhere in the span. */
const arbRows = (zone: Zone, from: number, days: number) => {
  const midnight = fc.integer({ min: 1, max: days }).chain((d) =>
    fc.array(
      arbRow(dayStart(zone, Math.floor(from / (24 * HOUR)) + d) - 12 * MINUTE, 24 * MINUTE),
      {
        maxLength: 8,
      },
    ),
  )
  return fc
    .tuple(
      fc.array(arbRow(from, days * 24 * HOUR), { maxLength: 120 }),
      fc.array(midnight, { maxLength: 4 }),
    )
    .map(([spread, bursts]) => [...spread, ...bursts.flat()].sort((a, b) => a.at - b.at))
}

/** The page's options for the last `days` days up to `now`, at 23 minutes an interruption. */
const optionsAt = (
  zone: Zone,
  now: number,
  days: number,
  granularity: InsightOptions['granularity'],
): InsightOptions => ({ zone, range: rangeOf(zone, now, days), granularity, minutesPer: 23 })
describe('tallies of complete days and today add up to the raw statistics', () => {
  const cases = [
    // The spring-forward day in Madrid (23 hours) and the fall-back one in Santiago.
    { zone: 'Europe/Madrid', now: Date.UTC(2026, 2, 31, 15) },
    { zone: 'Europe/Madrid', now: Date.UTC(2026, 9, 27, 9) },
    { zone: 'America/Santiago', now: Date.UTC(2026, 3, 8, 20) },
  ]
  it.each(cases)('in $zone up to $now, for random histories of ~10 days', ({ zone: name, now }) => {
    const zone = zoneNamed(name)
    const start = now - 11 * 24 * HOUR
    fc.assert(
      fc.property(
        arbRows(zone, start, 11),
        fc.constantFrom(7, 10),
        fc.constantFrom('day' as const, 'week' as const),
        (rows, days, granularity) => {
          const o = optionsAt(zone, now, days, granularity)
          expect(fromSummaries(zone, rows, o)).toEqual(fromRaw(rows, o))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('counts an episode that goes on over midnight once, on the day it started', () => {
    const zone = zoneNamed('Europe/Madrid')
    const o = optionsAt(zone, Date.UTC(2026, 4, 13, 15), 7, 'day')
    const midnight = dayStart(zone, o.range.lastDay - 1)
    const rows = [row({ at: midnight - 2 * MINUTE }), row({ at: midnight + 2 * MINUTE })]
    const out = fromSummaries(zone, rows, o)
    expect(out.buckets.map((b) => b.episodes)).toEqual([0, 0, 0, 0, 1, 0, 0])
    expect(out).toEqual(fromRaw(rows, o))
  })

  it('counts an episode going on at the start of the period, as raw rows do', () => {
    const zone = zoneNamed('Europe/Madrid')
    const o = optionsAt(zone, Date.UTC(2026, 4, 13, 15), 7, 'day')
    const rows = [row({ at: o.range.from - MINUTE }), row({ at: o.range.from + MINUTE })]
    const out = fromSummaries(zone, rows, o)
    expect(out.totals.episodes).toBe(1)
    expect(out).toEqual(fromRaw(rows, o))
  })
})

describe('stored day summaries', () => {
  const zone = zoneNamed('Europe/Madrid')
  const day = 20_500
  const t = tallySlice(zone, dayStart(zone, day), dayStart(zone, day + 1), [
    row({ at: dayStart(zone, day) + HOUR }),
  ])
  const good = summaryOf(day, t)
  it('read back as they were written', () => {
    expect(readSummary(zone, day, structuredClone(good))).toEqual(good)
    expect(good.count).toBe(1)
  })
  it('are not used when malformed, of an old version, of another day or of other day bounds', () => {
    expect(readSummary(zone, day, null)).toBeNull()
    expect(readSummary(zone, day, { ...good, version: 0 })).toBeNull()
    expect(readSummary(zone, day, { ...good, heat: [[7, 0, 1]] })).toBeNull()
    expect(readSummary(zone, day, { ...good, count: 2 })).toBeNull()
    expect(readSummary(zone, day + 1, good)).toBeNull()
    // The same day in another zone starts at another instant.
    expect(readSummary(zoneNamed('America/Santiago'), day, good)).toBeNull()
  })
})
