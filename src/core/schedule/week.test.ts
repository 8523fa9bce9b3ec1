import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { covered, merge } from './intervals'
import { DAY, HOUR } from './local-time'
import type { Span } from './periods'
import type { Schedule } from './schema'
import { block, hm, instantArb, local, range, scheduleArb } from './testing'
import { quietSpans, weekIntervals } from './week'

const spanArb = fc
  .record({ start: fc.integer({ min: 0, max: 1000 }), length: fc.integer({ min: -5, max: 100 }) })
  .map(({ start, length }) => ({ start, end: start + length }))

describe('merge', () => {
  it('joins overlapping and touching spans and drops empty ones', () => {
    expect(
      merge([
        { start: 5, end: 7 },
        { start: 0, end: 2 },
        { start: 2, end: 3 },
        { start: 6, end: 9 },
        { start: 4, end: 4 },
      ]),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 9 },
    ])
  })

  it('is idempotent, sorted, never overlapping or touching, and covers the same instants', () => {
    fc.assert(
      fc.property(
        fc.array(spanArb),
        fc.array(fc.integer({ min: -5, max: 1105 })),
        (spans, points) => {
          const merged = merge(spans)
          expect(merge(merged)).toEqual(merged)
          merged.forEach((s, i) => {
            expect(s.end).toBeGreaterThan(s.start)
            if (i > 0) expect(s.start).toBeGreaterThan(merged[i - 1]!.end)
          })
          const inside = (list: Span[], p: number) => list.some((s) => s.start <= p && p < s.end)
          for (const p of points) expect(inside(merged, p)).toBe(inside(spans, p))
        },
      ),
    )
  })

  it('does not change its input', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 3, end: 8 },
    ]
    merge(spans)
    expect(spans).toEqual([
      { start: 0, end: 5 },
      { start: 3, end: 8 },
    ])
  })
})

describe('weekIntervals', () => {
  const weekdays = range(hm(9), hm(17))
  const s: Schedule = {
    blocks: [block('deep', [1, 3], hm(9), hm(11)), block('late', [0], hm(22), hm(1))],
    workingHours: [null, weekdays, weekdays, weekdays, weekdays, weekdays, null],
    offHours: true,
  }
  const at = (d: number, h: number, m = 0) => local(2026, 11, d, h, m)

  it('lists who is in force, cut at the week edges, with block ids for the week view', () => {
    const week = weekIntervals(s, at(16, 15))
    expect(week.slice(0, 3)).toEqual([
      { kind: 'block', id: 'late@2026-11-15', blockId: 'late', start: at(16, 0), end: at(16, 1) },
      { kind: 'off-hours', id: 'off-hours@2026-11-13T17:00', start: at(16, 1), end: at(16, 9) },
      { kind: 'block', id: 'deep@2026-11-16', blockId: 'deep', start: at(16, 9), end: at(16, 11) },
    ])
    expect(week.slice(-2)).toEqual([
      { kind: 'off-hours', id: 'off-hours@2026-11-20T17:00', start: at(20, 17), end: at(22, 22) },
      { kind: 'block', id: 'late@2026-11-22', blockId: 'late', start: at(22, 22), end: at(23, 0) },
    ])
    // A week less 5 working days of 8 hours, plus the two blocks inside working hours.
    expect(covered(week)).toBe(7 * DAY - 5 * 8 * HOUR + 2 * 2 * HOUR)
  })

  it('spans are sorted, do not overlap, and touch only where the period changes', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, (schedule, t) => {
        const week = weekIntervals(schedule, t)
        week.forEach((x, i) => {
          expect(x.end).toBeGreaterThan(x.start)
          const prev = week[i - 1]
          if (!prev) return
          expect(x.start).toBeGreaterThanOrEqual(prev.end)
          if (x.start === prev.end) expect(`${x.kind} ${x.id}`).not.toBe(`${prev.kind} ${prev.id}`)
        })
        expect(merge(merge(week))).toEqual(merge(week))
      }),
    )
  })

  it('any stretch of time is the sum of its parts', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        instantArb,
        fc.integer({ min: 1, max: 3 * 24 * 60 }),
        (schedule, t, minutes) => {
          const mid = t + minutes * 30_000
          const whole = quietSpans(schedule, t, t + minutes * 60_000)
          const parts = [
            ...quietSpans(schedule, t, mid),
            ...quietSpans(schedule, mid, t + minutes * 60_000),
          ]
          expect(merge(parts)).toEqual(merge(whole))
        },
      ),
    )
  })
})
