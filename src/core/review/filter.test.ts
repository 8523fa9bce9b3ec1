import { describe, expect, it } from 'vitest'
import {
  applyFilter,
  dayStart,
  facetsOf,
  isFiltered,
  NO_FILTER,
  nextWake,
  splitSnoozed,
  UNKNOWN_CLIENT,
} from './filter'
import { client, clientMap, item, min } from './testing'

const clients = clientMap(client('acme', 'Acme'), client('beta', 'Beta'))
const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime()

describe('splitSnoozed', () => {
  it('keeps held captures whose snooze has passed, and sets aside the others', () => {
    const now = min(60)
    const rows = [
      item('Ana', 0),
      item('Ana', 1, { snoozeUntil: now }),
      item('Ana', 2, { snoozeUntil: now + 1 }),
      item('Ana', 3, { snoozeUntil: now - 1 }),
    ]
    const { waiting, snoozed } = splitSnoozed(rows, now, null)
    expect(waiting.map((r) => r.at)).toEqual([min(0), min(1), min(3)])
    expect(snoozed.map((r) => r.at)).toEqual([min(2)])
  })

  it('keeps only the block asked for', () => {
    const rows = [item('Ana', 0, { sessionId: 'a' }), item('Ana', 1, { sessionId: 'b' })]
    expect(splitSnoozed(rows, 0, 'b').waiting.map((r) => r.sessionId)).toEqual(['b'])
    expect(splitSnoozed(rows, 0, 'zzz').waiting).toEqual([])
  })

  it('says when the next snoozed capture comes back', () => {
    const rows = [item('A', 0, { snoozeUntil: 500 }), item('B', 0, { snoozeUntil: 300 })]
    expect(nextWake(rows, 100)).toBe(300)
    expect(nextWake(rows, 300)).toBe(500)
    expect(nextWake(rows, 500)).toBeNull()
  })
})

describe('applyFilter', () => {
  const rows = [
    item('Ana', 0, { clientId: 'acme', at: at(3, 23, 59) }),
    item('Ana', 0, { clientId: 'acme', at: at(4, 0, 0), site: 'slack' }),
    item('Bruno', 0, { clientId: 'beta', at: at(4, 12) }),
    item('Marta', 0, { at: at(5, 0, 0) }),
    item('Zoe', 0, { clientId: 'deleted', at: at(5, 9) }),
  ]
  const names = (f: Partial<typeof NO_FILTER>) =>
    applyFilter(rows, { ...NO_FILTER, ...f }, clients).map((r) => `${r.sender}@${r.site}`)

  it('keeps everything without filters (the same array)', () => {
    expect(applyFilter(rows, NO_FILTER, clients)).toBe(rows)
    expect(isFiltered(NO_FILTER)).toBe(false)
    expect(isFiltered({ ...NO_FILTER, session: 'x' })).toBe(false)
    expect(isFiltered({ ...NO_FILTER, to: '2025-03-04' })).toBe(true)
  })

  it('filters by client, and by unknown sender (including a deleted client)', () => {
    expect(names({ client: 'acme' })).toEqual(['Ana@gmail', 'Ana@slack'])
    expect(names({ client: UNKNOWN_CLIENT })).toEqual(['Marta@gmail', 'Zoe@gmail'])
    expect(names({ client: 'nobody' })).toEqual([])
  })

  it('filters by site', () => {
    expect(names({ site: 'slack' })).toEqual(['Ana@slack'])
  })

  it('filters by local days, both ends included', () => {
    expect(names({ from: '2025-03-04' })).toEqual([
      'Ana@slack',
      'Bruno@gmail',
      'Marta@gmail',
      'Zoe@gmail',
    ])
    expect(names({ to: '2025-03-04' })).toEqual(['Ana@gmail', 'Ana@slack', 'Bruno@gmail'])
    expect(names({ from: '2025-03-04', to: '2025-03-04' })).toEqual(['Ana@slack', 'Bruno@gmail'])
    expect(names({ from: '2025-03-05', to: '2025-03-04' })).toEqual([])
  })

  it('combines filters', () => {
    expect(names({ client: 'acme', from: '2025-03-04', site: 'slack' })).toEqual(['Ana@slack'])
    expect(names({ client: 'acme', site: 'teams' })).toEqual([])
  })

  it('ignores an unreadable date', () => {
    expect(names({ from: '2025-02-30' })).toHaveLength(5)
    expect(names({ to: 'yesterday' })).toHaveLength(5)
  })
})

describe('dayStart', () => {
  it('reads YYYY-MM-DD as local midnight, and nothing else', () => {
    expect(dayStart('2025-03-04')).toBe(at(4, 0))
    expect(dayStart('2024-02-29')).toBe(new Date(2024, 1, 29).getTime())
    for (const bad of ['2025-02-29', '2025-13-01', '2025-3-4', '', '04/03/2025'])
      expect(dayStart(bad)).toBeNull()
  })
})

describe('facetsOf', () => {
  it('counts per client (unknown senders last) and per site, most first', () => {
    const rows = [
      item('Marta', 0),
      item('Marta', 1),
      item('Marta', 2, { site: 'slack' }),
      item('Ana', 3, { clientId: 'acme' }),
      item('Bruno', 4, { clientId: 'beta', site: 'slack' }),
      item('Bruno', 5, { clientId: 'beta', site: 'slack' }),
      item('Zoe', 6, { clientId: 'deleted' }),
    ]
    expect(facetsOf(rows, clients)).toEqual({
      clients: [
        { value: 'beta', count: 2 },
        { value: 'acme', count: 1 },
        { value: UNKNOWN_CLIENT, count: 4 },
      ],
      sites: [
        { value: 'gmail', count: 4 },
        { value: 'slack', count: 3 },
      ],
    })
  })
})
