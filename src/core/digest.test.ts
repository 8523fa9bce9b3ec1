import { describe, expect, it } from 'vitest'
import { type DigestItem, digestLine, digestOf } from './digest'
import { createRateLimiter } from './rate-limit'

const item = (sender: string, at: number, site = 'gmail', clientId = ''): DigestItem => ({
  sender,
  senderKey: `${site}:${sender}`,
  site,
  at,
  clientId,
})

const others = (n: number) => (n === 1 ? '1 other' : `${n} others`)

describe('digestOf', () => {
  it('groups by sender, most first, ties broken by the latest', () => {
    const d = digestOf([
      item('Ana', 1),
      item('#ops', 2, 'slack'),
      item('Ana', 3),
      item('Luis', 9),
      item('#ops', 4, 'slack'),
      item('Ana', 5),
    ])
    expect(d.total).toBe(6)
    expect(d.senders).toBe(3)
    expect(d.groups.map((g) => [g.sender, g.count, g.latest])).toEqual([
      ['Ana', 3, 5],
      ['#ops', 2, 4],
      ['Luis', 1, 9],
    ])
    expect(digestLine(d, others)).toBe('Ana 3, #ops 2, Luis 1')
    expect(digestLine(d, others, String, 1)).toBe('Ana 3, 3 others')
  })

  it("groups a client's senders under the client's name; senders of no client stand alone", () => {
    const names = new Map([
      ['acme', 'Acme'],
      ['beta', 'Beta'],
    ])
    const d = digestOf(
      [
        item('Ana', 1, 'gmail', 'acme'),
        item('Luis', 2, 'slack', 'acme'),
        item('Ana', 3, 'gmail', 'acme'),
        item('Bea', 4, 'gmail', 'beta'),
        item('Carla', 5, 'whatsapp', 'acme'),
        item('Bea', 6, 'gmail', 'beta'),
        item('Desconocido', 7),
        item('Eva', 8),
        item('Gone', 9, 'gmail', 'removed-client'),
        item('Acme', 10),
      ],
      names,
    )
    expect(d.total).toBe(10)
    expect(d.groups.map((g) => [g.sender, g.count])).toEqual([
      ['Acme', 4],
      ['Beta', 2],
      // A sender who shares a client's name is still someone else.
      ['Acme', 1],
      ['Gone', 1],
      ['Eva', 1],
      ['Desconocido', 1],
    ])
    expect(digestLine(d, others)).toBe('Acme 4, Beta 2, 4 others')
  })

  it('names a rest of one group rather than calling it "1 other"', () => {
    const d = digestOf([item('Ana', 1), item('Ana', 2), item('Luis', 3), item('Eva', 4)])
    expect(digestLine(d, others)).toBe('Ana 2, Eva 1, Luis 1')
    expect(digestLine(digestOf([item('Ana', 1)]), others)).toBe('Ana 1')
  })

  it('counts a flood entry as the notifications it counted, and ranks it by them', () => {
    const flood = { ...item('WhatsApp', 2, 'whatsapp'), flood: { count: 9_880 } }
    const d = digestOf([item('Ana', 1), item('Ana', 3), flood, item('Luis', 4)])
    expect(d.total).toBe(9_883)
    expect(d.groups.map((g) => [g.sender, g.count])).toEqual([
      ['WhatsApp', 9_880],
      ['Ana', 2],
      ['Luis', 1],
    ])
    const en = new Intl.NumberFormat('en').format
    expect(digestLine(d, others, en, 1)).toBe('WhatsApp 9,880, 3 others')
  })

  it('is empty for no items', () => {
    expect(digestOf([])).toEqual({ total: 0, senders: 0, groups: [] })
  })
})

describe('rate limiter', () => {
  it('allows the limit per window and per key, then resets', () => {
    const rl = createRateLimiter(2, 1000)
    expect([rl.allow('a', 0), rl.allow('a', 10), rl.allow('a', 20)]).toEqual([true, true, false])
    expect(rl.allow('b', 20)).toBe(true)
    expect(rl.allow('a', 1000)).toBe(true)
  })
})
