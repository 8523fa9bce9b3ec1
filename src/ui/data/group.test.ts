import { describe, expect, it } from 'vitest'
import type { SessionRow } from '../../store/db'
import { groupBySender, groupBySession } from './group'

const row = (id: number, sender: string, at: number, sessionId = 's1') => ({
  id,
  at,
  sender,
  senderKey: `slack:${sender.toLowerCase()}`,
  site: 'slack',
  sessionId,
})

describe('groupBySender', () => {
  it('counts per sender key, most first, ties by latest', () => {
    const groups = groupBySender([
      row(1, 'Ana', 100),
      row(2, 'Luis', 400),
      row(3, 'ana', 200),
      row(4, 'Marta', 300),
      row(5, 'Ana', 150),
    ])
    expect(groups.map((g) => [g.sender, g.count, g.latest])).toEqual([
      ['Ana', 3, 200],
      ['Luis', 1, 400],
      ['Marta', 1, 300],
    ])
  })

  it('lists a group newest first', () => {
    const [g] = groupBySender([row(1, 'Ana', 100), row(2, 'Ana', 300), row(3, 'Ana', 200)])
    expect(g?.items.map((i) => i.id)).toEqual([2, 3, 1])
  })

  it('is empty for no rows', () => {
    expect(groupBySender([])).toEqual([])
  })
})

describe('groupBySession', () => {
  const s = (id: string, startedAt: number): SessionRow => ({
    id,
    kind: 'manual',
    state: 'ended',
    startedAt,
    endsAt: startedAt + 10,
    endedAt: startedAt + 10,
    endReason: 'time',
    digestAt: 0,
  })

  it('puts the newest session first, captures outside sessions by their own time', () => {
    const sessions = new Map([
      ['old', s('old', 100)],
      ['new', s('new', 500)],
    ])
    const sections = groupBySession(
      [
        row(1, 'Ana', 110, 'old'),
        row(2, 'Ana', 510, 'new'),
        row(3, 'Luis', 300, ''),
        row(4, 'Luis', 520, 'new'),
      ],
      sessions,
    )
    expect(sections.map((x) => [x.sessionId, x.count, x.first, x.latest])).toEqual([
      ['new', 2, 510, 520],
      ['', 1, 300, 300],
      ['old', 1, 110, 110],
    ])
    expect(sections[0]?.groups.map((g) => g.sender)).toEqual(['Luis', 'Ana'])
  })
})
