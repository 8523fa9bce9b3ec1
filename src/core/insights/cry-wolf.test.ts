import { describe, expect, it } from 'vitest'
import { cryWolf } from './cry-wolf'
import { row } from './testing'

const claim = (clientId: string, notUrgent: 0 | 1) =>
  row({ at: 1, clientId, urgent: 1, notUrgent, verdict: 'deliver', reason: 'urgent-keyword' })

describe('the cry-wolf ratio', () => {
  it('is, per client, the claimed urgencies marked not urgent over all of them', () => {
    const out = cryWolf([
      claim('acme', 1),
      claim('acme', 1),
      claim('acme', 0),
      claim('beta', 0),
      claim('', 1),
      // Not claimed urgencies: they do not count, whatever else they are.
      row({ at: 1, clientId: 'acme' }),
      row({ at: 1, clientId: 'gamma', verdict: 'deliver', reason: 'open' }),
    ])
    expect(out).toEqual([
      { clientId: '', claims: 1, notUrgent: 1, ratio: 1 },
      { clientId: 'acme', claims: 3, notUrgent: 2, ratio: 2 / 3 },
      { clientId: 'beta', claims: 1, notUrgent: 0, ratio: 0 },
    ])
  })

  it('counts a held claim (a keyword over quota, a low-tolerance client) too', () => {
    const held = row({ at: 1, clientId: 'gamma', urgent: 1, notUrgent: 1 })
    expect(cryWolf([held, claim('gamma', 0)])).toEqual([
      { clientId: 'gamma', claims: 2, notUrgent: 1, ratio: 0.5 },
    ])
  })

  it('orders equal ratios by more claims, then by id', () => {
    const out = cryWolf([claim('b', 0), claim('a', 0), claim('c', 0), claim('c', 0)])
    expect(out.map((c) => c.clientId)).toEqual(['c', 'a', 'b'])
  })
})
