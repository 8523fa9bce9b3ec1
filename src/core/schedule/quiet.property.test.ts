import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { QuietPeriod } from '../decide'
import { merge } from './intervals'
import { DAY, dayKey, dayOf, HOUR, MINUTE, minuteOf, wallKey, weekdayOf } from './local-time'
import type { ManualSession, QuietOptions } from './periods'
import { HORIZON, nextBoundary, quietAt } from './quiet'
import type { Schedule } from './schema'
import { instantArb, scheduleArb, ZONE_CHANGES } from './testing'
import { quietSpans } from './week'

/** A schedule, an instant, and options drawn around it: skipped periods and a manual session. */
const caseArb = fc
  .record({
    s: scheduleArb,
    t: instantArb,
    picks: fc.array(fc.nat(), { maxLength: 3 }),
    manual: fc.option(
      fc.record({
        until: fc.integer({ min: -2 * 60, max: 13 * 60 }),
        startedAt: fc.option(fc.integer({ min: -13 * 60, max: 60 }), { nil: undefined }),
      }),
      { nil: null },
    ),
  })
  .map(({ s, t, picks, manual }) => {
    const ids = [...new Set(quietSpans(s, t - DAY, t + 2 * DAY).map((x) => x.id))]
    const skipped = new Set(ids.length === 0 ? [] : picks.map((p) => ids[p % ids.length]!))
    const m: ManualSession | null = manual && {
      id: 'manual',
      until: t + manual.until * MINUTE,
      ...(manual.startedAt !== undefined && { startedAt: t + manual.startedAt * MINUTE }),
    }
    return { s, t, opts: { skipped, manual: m } satisfies QuietOptions }
  })

const state = (q: QuietPeriod | null) => (q ? `${q.kind} ${q.id}` : 'open')
/** Sample points in [a, b): both ends' neighbours and a few in between. */
const samples = (a: number, b: number) => [
  a,
  a + 1,
  b - 1,
  ...[1, 2, 3, 5, 8].map((k) => a + Math.floor(((b - a) * k) / 9)),
]

describe('nextBoundary', () => {
  it('is after t, and the state just before it differs from the state at it', () => {
    fc.assert(
      fc.property(caseArb, ({ s, t, opts }) => {
        const b = nextBoundary(s, t, opts)
        if (b === null) return
        expect(b).toBeGreaterThan(t)
        expect(state(quietAt(s, b - 1, opts))).not.toBe(state(quietAt(s, b, opts)))
      }),
    )
  })

  it('has the state (and until) of t everywhere between t and it', () => {
    fc.assert(
      fc.property(caseArb, ({ s, t, opts }) => {
        const b = nextBoundary(s, t, opts) ?? t + 9 * DAY
        const here = quietAt(s, t, opts)
        for (const x of samples(t, b)) {
          if (x < t || x >= b) continue
          const there = quietAt(s, x, opts)
          expect(state(there)).toBe(state(here))
          if (here && there && here.until < t + HORIZON) expect(there.until).toBe(here.until)
        }
      }),
    )
  })

  it('is null only when nothing in the next 9 days is quiet or changes', () => {
    fc.assert(
      fc.property(caseArb, ({ s, t, opts }) => {
        if (nextBoundary(s, t, opts) !== null) return
        expect(quietSpans(s, t, t + 9 * DAY, opts).length).toBeLessThanOrEqual(1)
      }),
    )
  })
})

describe('quietAt', () => {
  it('until is after t, quiet holds up to it, and (below the horizon) stops at it', () => {
    fc.assert(
      fc.property(caseArb, ({ s, t, opts }) => {
        const q = quietAt(s, t, opts)
        if (!q) return
        expect(q.until).toBeGreaterThan(t)
        for (const x of samples(t, q.until))
          if (x >= t && x < q.until) expect(quietAt(s, x, opts)).not.toBeNull()
        if (q.until - t < HORIZON) expect(quietAt(s, q.until, opts)).toBeNull()
      }),
    )
  })

  it('agrees with the week view', () => {
    fc.assert(
      fc.property(caseArb, ({ s, t, opts }) => {
        const spans = quietSpans(s, t - HOUR, t + HOUR, opts)
        const span = spans.find((x) => x.start <= t && t < x.end)
        const q = quietAt(s, t, opts)
        expect(state(q)).toBe(span ? `${span.kind} ${span.id}` : 'open')
        const stretch = merge(quietSpans(s, t - HOUR, t + 9 * DAY, opts)).find(
          (x) => x.start <= t && t < x.end,
        )
        if (q && stretch && stretch.end < t + HORIZON) expect(q.until).toBe(stretch.end)
      }),
    )
  })

  it('agrees with a minute-by-minute reading of the wall clock, away from DST changes', () => {
    fc.assert(
      fc.property(caseArb, ({ s, t, opts }) => {
        if (ZONE_CHANGES.some((c) => c > t - 10 * DAY && c < t + 2 * DAY)) return
        expect(state(quietAt(s, t, opts))).toBe(oracle(s, t, opts))
      }),
      { numRuns: 300 },
    )
  })
})

/** The rules read naively off the wall clock: right wherever no DST change is near. */
function oracle(s: Schedule, t: number, { skipped, manual }: QuietOptions): string {
  const now = dayOf(t) * 1440 + minuteOf(t)
  const skip = (id: string) => skipped?.has(id) ?? false
  let best: { start: number; id: string } | null = null
  for (const b of s.blocks)
    for (const day of [dayOf(t) - 1, dayOf(t)]) {
      if (!b.days.includes(weekdayOf(day))) continue
      const start = day * 1440 + b.start
      const end = (b.end < b.start ? day + 1 : day) * 1440 + b.end
      const id = `${b.id}@${dayKey(day)}`
      // The earliest start wins; on a tie, the first block listed.
      if (start <= now && now < end && !skip(id) && (best === null || start < best.start))
        best = { start, id }
    }
  if (best) return `block ${best.id}`
  if (manual && t < manual.until && (manual.startedAt ?? t) <= t && !skip(manual.id))
    return `block ${manual.id}`
  if (!s.offHours || s.workingHours.every((r) => r === null)) return 'open'
  const working = (m: number) =>
    [Math.floor(m / 1440) - 1, Math.floor(m / 1440)].some((day) => {
      const r = s.workingHours[weekdayOf(day)]
      if (!r) return false
      const start = day * 1440 + r.start
      return start <= m && m < (r.end < r.start ? day + 1 : day) * 1440 + r.end
    })
  if (working(now)) return 'open'
  let from = now
  while (!working(from - 1)) from--
  const id = `off-hours@${wallKey(Math.floor(from / 1440), from % 1440)}`
  return skip(id) ? 'open' : `off-hours ${id}`
}
