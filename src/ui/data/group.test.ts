import { describe, expect, it } from 'vitest'
import { groupBySender } from './group'

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
