import { describe, expect, it } from 'vitest'
import { heatmap } from './heatmap'
import { row, UTC, zoneNamed } from './testing'

const madrid = zoneNamed('Europe/Madrid')

describe('the weekday × hour heatmap', () => {
  it('puts each capture in its local weekday (Monday first) and hour', () => {
    const h = heatmap(madrid, [
      row({ at: Date.UTC(2026, 2, 2, 8, 15) }), // Monday 09:15 CET
      row({ at: Date.UTC(2026, 2, 2, 8, 45) }), // Monday 09:45 CET
      row({ at: Date.UTC(2026, 2, 8, 22, 59) }), // Sunday 23:59 CET
      row({ at: Date.UTC(2026, 2, 8, 23, 30) }), // Monday 00:30 CET, Sunday in UTC
    ])
    expect(h.cells[0]![9]).toBe(2)
    expect(h.cells[6]![23]).toBe(1)
    expect(h.cells[0]![0]).toBe(1)
    expect(h.max).toBe(2)
    expect(h.cells.flat().reduce((a, b) => a + b, 0)).toBe(4)
    // In UTC the same captures fall elsewhere.
    expect(heatmap(UTC, [row({ at: Date.UTC(2026, 2, 8, 23, 30) })]).cells[6]![23]).toBe(1)
  })

  it('counts the repeated hour of a fall-back day twice into the same cell', () => {
    // Sunday 2026-10-25 in Madrid: 02:30 CEST (00:30Z), then 02:30 CET (01:30Z).
    const h = heatmap(madrid, [
      row({ at: Date.UTC(2026, 9, 25, 0, 30) }),
      row({ at: Date.UTC(2026, 9, 25, 1, 30) }),
    ])
    expect(h.cells[6]![2]).toBe(2)
  })

  it('gives nothing to the hour a spring-forward day skips', () => {
    // Sunday 2026-03-29: 01:59 CET (00:59Z), then 03:00 CEST (01:00Z).
    const h = heatmap(madrid, [
      row({ at: Date.UTC(2026, 2, 29, 0, 59) }),
      row({ at: Date.UTC(2026, 2, 29, 1, 0) }),
    ])
    expect(h.cells[6]!.slice(1, 4)).toEqual([1, 0, 1])
  })

  it('is all zeros with max 0 when empty', () => {
    const h = heatmap(UTC, [])
    expect(h.cells).toHaveLength(7)
    expect(h.cells.every((line) => line.length === 24 && line.every((n) => n === 0))).toBe(true)
    expect(h.max).toBe(0)
  })
})
