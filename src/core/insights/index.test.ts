import { describe, expect, it } from 'vitest'
import { insights, rangeOf } from './index'
import { row, zoneNamed } from './testing'
import { MINUTE } from './zone'

const madrid = zoneNamed('Europe/Madrid')
const now = Date.UTC(2026, 4, 13, 15)
const range = rangeOf(madrid, now, 7)
const t = (d: number, h: number, m = 0) => Date.UTC(2026, 4, d, h, m)

describe('insights over a period', () => {
  const rows = [
    // Before the period: ignored everywhere.
    row({ at: range.from - MINUTE, clientId: 'acme', urgent: 1, notUrgent: 1 }),
    // Ana (Acme) held 3 times within 5-minute steps: one episode.
    row({ at: t(11, 8, 0), clientId: 'acme', senderKey: 'gmail:ana' }),
    row({ at: t(11, 8, 4), clientId: 'acme', senderKey: 'gmail:ana' }),
    row({ at: t(11, 8, 8), clientId: 'acme', senderKey: 'gmail:ana' }),
    // A breakthrough Ana claimed, later marked not urgent.
    row({
      at: t(11, 9),
      clientId: 'acme',
      verdict: 'deliver',
      reason: 'urgent-keyword',
      urgent: 1,
      notUrgent: 1,
    }),
    // An unknown sender, held twice far apart: two episodes.
    row({ at: t(12, 10), site: 'whatsapp', senderKey: 'whatsapp:+34600' }),
    row({ at: t(12, 16), site: 'whatsapp', senderKey: 'whatsapp:+34600' }),
    // Outside quiet periods.
    row({ at: t(13, 14), verdict: 'deliver', reason: 'open', clientId: 'beta' }),
  ]
  const out = insights({ rows }, { zone: madrid, range, granularity: 'day', minutesPer: 23 })

  it('adds up the period', () => {
    expect(out.totals).toEqual({
      captures: 7,
      held: 5,
      delivered: 2,
      breakthroughs: 1,
      episodes: 3,
    })
    expect(out.focus).toEqual({ episodes: 3, minutesPer: 23, minutes: 69 })
  })

  it('spreads it over the days, episodes included', () => {
    expect(out.buckets.map((b) => [b.captures, b.episodes])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [4, 1],
      [2, 2],
      [1, 0],
    ])
  })

  it('ranks clients and sites, heats the hours, and keeps the cry-wolf ratio', () => {
    expect(out.byClient.lines.map((l) => [l.key, l.captures])).toEqual([
      ['acme', 4],
      ['', 2],
      ['beta', 1],
    ])
    expect(out.bySite.lines.map((l) => [l.key, l.captures])).toEqual([
      ['gmail', 5],
      ['whatsapp', 2],
    ])
    // Monday 2026-05-11, 10:00 CEST.
    expect(out.heatmap.cells[0]![10]).toBe(3)
    expect(out.cryWolf).toEqual([{ clientId: 'acme', claims: 1, notUrgent: 1, ratio: 1 }])
  })

  it('groups the same rows by week', () => {
    const weeks = insights({ rows }, { zone: madrid, range, granularity: 'week', minutesPer: 23 })
    expect(weeks.buckets.map((b) => [b.captures, b.episodes])).toEqual([
      [0, 0],
      [7, 3],
    ])
  })

  it('takes the claimed urgencies from their own read when given, within the period', () => {
    const claims = [
      row({ at: t(12, 9), clientId: 'beta', urgent: 1, notUrgent: 1 }),
      row({ at: range.from - MINUTE, clientId: 'beta', urgent: 1, notUrgent: 0 }),
    ]
    const live = insights(
      { rows, claims },
      { zone: madrid, range, granularity: 'day', minutesPer: 23 },
    )
    expect(live.cryWolf).toEqual([{ clientId: 'beta', claims: 1, notUrgent: 1, ratio: 1 }])
    expect(live.totals).toEqual(out.totals)
  })
})
