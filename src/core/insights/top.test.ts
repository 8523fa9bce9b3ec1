import { describe, expect, it } from 'vitest'
import { row } from './testing'
import { byClient, bySite } from './top'

const at = 1_000

describe('top interrupters', () => {
  const rows = [
    row({ at, clientId: 'acme', site: 'gmail' }),
    row({ at, clientId: 'acme', site: 'slack', verdict: 'deliver', reason: 'repeat' }),
    row({ at, clientId: 'acme', site: 'gmail', verdict: 'deliver', reason: 'open' }),
    row({ at, clientId: '', site: 'whatsapp' }),
    row({ at, clientId: '', site: 'whatsapp' }),
    row({ at, clientId: 'beta', site: 'gmail' }),
    row({ at, clientId: 'gamma', site: 'gmail', verdict: 'deliver', reason: 'urgent-keyword' }),
  ]

  it('counts captures per client, most first; senders of no client are one line', () => {
    expect(byClient(rows).lines).toEqual([
      { key: 'acme', captures: 3, held: 1, delivered: 2, breakthroughs: 1 },
      { key: '', captures: 2, held: 2, delivered: 0, breakthroughs: 0 },
      // Ties: more breakthroughs first, then by id.
      { key: 'gamma', captures: 1, held: 0, delivered: 1, breakthroughs: 1 },
      { key: 'beta', captures: 1, held: 1, delivered: 0, breakthroughs: 0 },
    ])
  })

  it('counts captures per site', () => {
    const top = bySite(rows)
    expect(top.lines.map((l) => [l.key, l.captures])).toEqual([
      ['gmail', 4],
      ['whatsapp', 2],
      ['slack', 1],
    ])
    expect(top.rest).toBeNull()
  })

  it('adds up the lines after the limit', () => {
    const top = byClient(rows, 2)
    expect(top.lines.map((l) => l.key)).toEqual(['acme', ''])
    expect(top.rest).toEqual({ keys: 2, captures: 2, held: 1, delivered: 1, breakthroughs: 1 })
  })

  it('is empty without rows', () => {
    expect(byClient([])).toEqual({ lines: [], rest: null })
  })
})
