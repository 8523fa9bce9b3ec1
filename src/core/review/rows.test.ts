import { describe, expect, it } from 'vitest'
import { groupForReview } from './group'
import {
  chunk,
  flattenRows,
  groupItems,
  idsOf,
  isClaimedUrgent,
  notUrgentChange,
  openTarget,
  rowItems,
} from './rows'
import { client, clientMap, item } from './testing'

const clients = clientMap(client('acme', 'Acme'))

function fixture() {
  const items = [
    item('Ana', 0, { clientId: 'acme' }),
    item('Ana', 1, { clientId: 'acme' }),
    item('Ana', 2, { clientId: 'acme' }),
    item('Pedro', 3, { clientId: 'acme', conversation: 'Equipo' }),
    item('Marta', 0),
    item('Marta', 30),
    item('Olga', 0, { conversation: 'Vecinos', site: 'whatsapp' }),
  ]
  return { items, groups: groupForReview(items, clients) }
}

const kinds = (rows: ReturnType<typeof flattenRows>) =>
  rows.map((r) => (r.kind === 'item' ? `item ${r.item.sender}` : `${r.kind} ${r.key}`))

describe('flattenRows', () => {
  it('lists headers, collapsed bursts and single messages in order', () => {
    const { items, groups } = fixture()
    const [a0, , , p3, m0, m30, o0] = items
    expect(kinds(flattenRows(groups, new Set()))).toEqual([
      'group g:c:acme',
      'conversation v:c:acme|d:gmail:ana',
      `burst b:${a0?.id}`,
      'conversation v:c:acme|g:gmail:equipo',
      'item Pedro',
      // A sender group's own direct conversation gets no header of its own.
      'group g:s:gmail:marta',
      'item Marta',
      'item Marta',
      // A group chat does.
      'group g:s:whatsapp:olga|olga',
      'conversation v:s:whatsapp:olga|olga|g:whatsapp:vecinos',
      'item Olga',
    ])
    expect([p3, m0, m30, o0].every(Boolean)).toBe(true)
  })

  it("lists an expanded burst's messages after it", () => {
    const { items, groups } = fixture()
    const burst = `b:${items[0]?.id}`
    const rows = flattenRows(groups, new Set([burst]))
    expect(kinds(rows).slice(2, 6)).toEqual([`burst ${burst}`, 'item Ana', 'item Ana', 'item Ana'])
    const b = rows[2]
    expect(b?.kind === 'burst' && b.expanded).toBe(true)
    const inner = rows[3]
    expect(inner?.kind === 'item' && inner.burst?.key).toBe(burst)
  })

  it('gives every row a unique key', () => {
    const { items, groups } = fixture()
    const rows = flattenRows(groups, new Set([`b:${items[0]?.id}`]))
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
  })

  it('is empty for no groups', () => {
    expect(flattenRows([], new Set())).toEqual([])
  })
})

describe('what a row acts on', () => {
  it('marks done and snoozes everything a row stands for', () => {
    const { items, groups } = fixture()
    const rows = flattenRows(groups, new Set())
    const ids = (i: number) => idsOf(rowItems(rows[i] as (typeof rows)[number]))
    expect(ids(0)).toEqual([items[0]?.id, items[1]?.id, items[2]?.id, items[3]?.id])
    expect(ids(1)).toEqual([items[0]?.id, items[1]?.id, items[2]?.id])
    expect(ids(2)).toEqual([items[0]?.id, items[1]?.id, items[2]?.id])
    expect(ids(4)).toEqual([items[3]?.id])
    expect(idsOf(groupItems(groups[0]!))).toEqual(ids(0))
  })

  it('opens the item, or the latest message of a burst or conversation; not a group', () => {
    const { items, groups } = fixture()
    const rows = flattenRows(groups, new Set())
    expect(openTarget(rows[0]!)).toBeNull()
    expect(openTarget(rows[1]!)?.id).toBe(items[2]?.id)
    expect(openTarget(rows[2]!)?.id).toBe(items[2]?.id)
    expect(openTarget(rows[4]!)?.id).toBe(items[3]?.id)
  })
})

describe('notUrgentChange', () => {
  it('marks the claimed urgencies, or takes the mark back when all have it', () => {
    const plain = item('Ana', 0)
    const kw = item('Ana', 1, { keyword: 'urgente' })
    const claimed = item('Ana', 2, { urgent: 1 })
    expect([plain, kw, claimed].map(isClaimedUrgent)).toEqual([false, true, true])
    expect(notUrgentChange([plain])).toBeNull()
    expect(notUrgentChange([plain, kw, claimed])).toEqual({
      ids: [kw.id, claimed.id],
      notUrgent: true,
    })
    expect(notUrgentChange([{ ...kw, notUrgent: 1 }, claimed])?.notUrgent).toBe(true)
    expect(
      notUrgentChange([
        { ...kw, notUrgent: 1 },
        { ...claimed, notUrgent: 1 },
      ]),
    ).toEqual({
      ids: [kw.id, claimed.id],
      notUrgent: false,
    })
  })
})

describe('chunk', () => {
  it('splits ids into messages of at most 10,000', () => {
    const ids = Array.from({ length: 25_001 }, (_, i) => i + 1)
    expect(chunk(ids).map((c) => c.length)).toEqual([10_000, 10_000, 5_001])
    expect(chunk(ids).flat()).toEqual(ids)
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]])
    expect(chunk([])).toEqual([])
  })
})
