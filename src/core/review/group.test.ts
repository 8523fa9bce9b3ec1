import { describe, expect, it } from 'vitest'
import { groupForReview, replyDueAt } from './group'
import { client, clientMap, item, min } from './testing'

const HOUR = 3_600_000
const acme = client('acme', 'Acme', 4)
const beta = client('beta', 'Beta', 24)
const gamma = client('gamma', 'Gamma', 2)
const clients = clientMap(acme, beta, gamma)

describe('groupForReview', () => {
  it('groups by client, then by conversation, then in bursts', () => {
    const groups = groupForReview(
      [
        item('Ana Ruiz', 0, { clientId: 'acme' }),
        item('Ana Ruiz', 2, { clientId: 'acme' }),
        item('Pedro', 3, { clientId: 'acme', site: 'slack', conversation: '#web' }),
        item('Ana Ruiz', 4, { clientId: 'acme', site: 'slack', conversation: '#web' }),
        item('Bruno', 1, { clientId: 'beta' }),
      ],
      clients,
    )
    expect(groups.map((g) => [g.key, g.kind, g.name, g.count])).toEqual([
      ['c:acme', 'client', 'Acme', 4],
      ['c:beta', 'client', 'Beta', 1],
    ])
    const [direct, web] = groups[0]?.conversations ?? []
    expect([direct?.name, direct?.direct, direct?.count, direct?.bursts.length]).toEqual([
      'Ana Ruiz',
      true,
      2,
      1,
    ])
    expect([web?.name, web?.direct, web?.site, web?.bursts.map((b) => b.sender)]).toEqual([
      '#web',
      false,
      'slack',
      ['Pedro', 'Ana Ruiz'],
    ])
  })

  it('groups captures with no client by sender, with no reply-due', () => {
    const groups = groupForReview(
      [item('Marta', 0), item('marta', 10), item('Marta', 20, { site: 'slack' })],
      clients,
    )
    expect(groups.map((g) => [g.key, g.kind, g.count, g.replyDue, g.responseHours])).toEqual([
      ['s:gmail:marta', 'sender', 2, null, null],
      ['s:slack:marta', 'sender', 1, null, null],
    ])
    expect(groups[0]?.conversations[0]?.replyDue).toBeNull()
  })

  it("groups unknown people of one group chat each by themselves, though they share the chat's key", () => {
    const inGroup = (sender: string, minute: number) =>
      item(sender, minute, {
        site: 'whatsapp',
        conversation: 'Vecinos',
        senderKey: 'whatsapp:@1@g.us',
      })
    const groups = groupForReview(
      [inGroup('Ana', 0), inGroup('Luis', 1), inGroup('Ana', 2)],
      clients,
    )
    expect(groups.map((g) => [g.name, g.count, g.conversations.map((c) => c.name)])).toEqual([
      ['Ana', 2, ['Vecinos']],
      ['Luis', 1, ['Vecinos']],
    ])
  })

  it('treats a deleted client as an unknown sender', () => {
    const [g] = groupForReview([item('Zoe', 0, { clientId: 'gone' })], clients)
    expect([g?.key, g?.kind, g?.name, g?.clientId, g?.replyDue]).toEqual([
      's:gmail:zoe',
      'sender',
      'Zoe',
      '',
      null,
    ])
  })

  it('computes reply-due from the oldest waiting message and the response time', () => {
    const [g] = groupForReview(
      [
        item('Ana', 30, { clientId: 'acme' }),
        item('Luis', 10, { clientId: 'acme', site: 'slack', conversation: '#ops' }),
      ],
      clients,
    )
    expect(g?.replyDue).toBe(min(10) + 4 * HOUR)
    expect(g?.conversations.map((c) => [c.name, c.replyDue])).toEqual([
      ['#ops', min(10) + 4 * HOUR],
      ['Ana', min(30) + 4 * HOUR],
    ])
    expect(replyDueAt(min(0), null)).toBeNull()
    expect(replyDueAt(min(0), 48)).toBe(min(0) + 48 * HOUR)
  })

  it('orders client groups by earliest reply-due, then sender groups by count and latest', () => {
    const groups = groupForReview(
      [
        // Beta: one message at 0 → due at 24 h.
        item('Bruno', 0, { clientId: 'beta' }),
        // Acme: message at 60 → due at 1 h + 4 h: sooner than Beta's, though later and fewer.
        item('Ana', 60, { clientId: 'acme' }),
        // Gamma: due 2 h after minute 300 = 7 h: after Acme, before Beta.
        item('Gina', 300, { clientId: 'gamma' }),
        item('Gina', 301, { clientId: 'gamma' }),
        // Unknown senders: Luis ×2, then Marta and Olga ×1 each, the later first.
        item('Marta', 5),
        item('Luis', 1),
        item('Luis', 2),
        item('Olga', 50),
      ],
      clients,
    )
    expect(groups.map((g) => g.name)).toEqual(['Acme', 'Gamma', 'Beta', 'Luis', 'Olga', 'Marta'])
  })

  it('counts a flood entry as the notifications it counted, so it ranks by them', () => {
    const flood = item('WhatsApp', 0, { site: 'whatsapp', senderKey: 'whatsapp#flood' })
    const groups = groupForReview(
      [item('Luis', 1), item('Luis', 2), item('Olga', 50), { ...flood, flood: { count: 500 } }],
      clients,
    )
    expect(groups.map((g) => [g.name, g.count])).toEqual([
      ['WhatsApp', 500],
      ['Luis', 2],
      ['Olga', 1],
    ])
    expect(groups[0]?.conversations[0]?.count).toBe(500)
  })

  it('breaks reply-due ties by count, then by name', () => {
    const twin = clientMap(client('a', 'Zeta', 4), client('b', 'Alfa', 4), client('c', 'Beta', 4))
    const groups = groupForReview(
      [
        item('Z', 0, { clientId: 'a' }),
        item('A', 0, { clientId: 'b' }),
        item('B', 0, { clientId: 'c' }),
        item('B', 1, { clientId: 'c', conversation: 'x' }),
      ],
      twin,
    )
    expect(groups.map((g) => g.name)).toEqual(['Beta', 'Alfa', 'Zeta'])
  })

  it('puts the conversation waiting longest first, and keeps messages oldest first', () => {
    const [g] = groupForReview(
      [
        item('Ana', 20, { clientId: 'acme' }),
        item('Ana', 40, { clientId: 'acme' }),
        item('Pedro', 5, { clientId: 'acme', conversation: 'Proyecto web' }),
        item('Ana', 10, { clientId: 'acme' }),
      ],
      clients,
    )
    expect(g?.conversations.map((c) => [c.name, c.oldest, c.latest])).toEqual([
      ['Proyecto web', min(5), min(5)],
      ['Ana', min(10), min(40)],
    ])
    const ana = g?.conversations[1]
    expect(ana?.bursts.flatMap((b) => b.items.map((i) => i.at))).toEqual([
      min(10),
      min(20),
      min(40),
    ])
  })

  it('keeps one conversation name per site, ignoring case', () => {
    const [g] = groupForReview(
      [
        item('Ana', 0, { clientId: 'acme', site: 'slack', conversation: '#Web' }),
        item('Luis', 1, { clientId: 'acme', site: 'slack', conversation: '#web' }),
        item('Ana', 2, { clientId: 'acme', site: 'teams', conversation: '#web' }),
      ],
      clients,
    )
    expect(g?.conversations.map((c) => [c.site, c.name, c.count])).toEqual([
      ['slack', '#Web', 2],
      ['teams', '#web', 1],
    ])
  })

  it('is empty for no captures', () => {
    expect(groupForReview([], clients)).toEqual([])
  })
})
