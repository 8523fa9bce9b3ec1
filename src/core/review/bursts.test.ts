import { describe, expect, it } from 'vitest'
import { BURST_GAP_MS, personKey, splitBursts } from './bursts'
import { item, min } from './testing'

const shape = (items: ReturnType<typeof item>[]) =>
  splitBursts(items).map((b) => [b.sender, b.items.length, b.first, b.last])

describe('splitBursts', () => {
  it('joins consecutive messages of one sender within 5 minutes of each other', () => {
    const list = [item('Ana', 2), item('Ana', 4), item('Ana', 7), item('Ana', 9)]
    expect(shape(list)).toEqual([['Ana', 4, min(2), min(9)]])
    expect(splitBursts(list)[0]?.key).toBe(`b:${list[0]?.id}`)
  })

  it('joins a gap of exactly 5 minutes, and splits one a millisecond longer', () => {
    const a = item('Ana', 0)
    const exact = { ...item('Ana', 0), at: a.at + BURST_GAP_MS }
    expect(shape([a, exact])).toEqual([['Ana', 2, a.at, a.at + BURST_GAP_MS]])
    const late = { ...item('Ana', 0), at: a.at + BURST_GAP_MS + 1 }
    expect(shape([a, late])).toHaveLength(2)
  })

  it('chains: a burst may span more than 5 minutes if no gap inside it does', () => {
    expect(shape([item('Ana', 0), item('Ana', 5), item('Ana', 10), item('Ana', 15)])).toEqual([
      ['Ana', 4, min(0), min(15)],
    ])
  })

  it('splits when another sender writes in between (interleaved senders)', () => {
    const list = [
      item('Ana', 0, { conversation: 'Equipo' }),
      item('Ana', 1, { conversation: 'Equipo' }),
      item('Luis', 2, { conversation: 'Equipo' }),
      item('Ana', 3, { conversation: 'Equipo' }),
      item('Luis', 4, { conversation: 'Equipo' }),
      item('Luis', 5, { conversation: 'Equipo' }),
    ]
    expect(shape(list).map(([s, n]) => [s, n])).toEqual([
      ['Ana', 2],
      ['Luis', 1],
      ['Ana', 1],
      ['Luis', 2],
    ])
  })

  it('tells direct senders apart by key, not by display name', () => {
    const a = item('Ana', 0)
    const other = { ...item('Ana', 1), senderKey: 'gmail:ana@other.com' }
    expect(shape([a, other])).toHaveLength(2)
    const renamed = { ...item('Ana Ruiz', 2), senderKey: a.senderKey }
    expect(shape([a, renamed])).toEqual([['Ana', 2, min(0), min(2)]])
  })

  it("tells people in a group chat apart by name, though they share the chat's key", () => {
    const inGroup = (sender: string, minute: number) =>
      item(sender, minute, { conversation: 'Vecinos', senderKey: 'whatsapp:@123@g.us' })
    const list = [inGroup('Ana', 0), inGroup('ANA', 1), inGroup('Luis', 2), inGroup('Luis', 3)]
    expect(shape(list).map(([s, n]) => [s, n])).toEqual([
      ['Ana', 2],
      ['Luis', 2],
    ])
    expect(personKey(list[0]!)).toBe(personKey(list[1]!))
    expect(personKey(list[0]!)).not.toBe(personKey(list[2]!))
  })

  it('is empty for no messages, one burst for one message', () => {
    expect(splitBursts([])).toEqual([])
    expect(shape([item('Ana', 0)])).toEqual([['Ana', 1, min(0), min(0)]])
  })
})
