import { describe, expect, it } from 'vitest'
import { createFloodGate } from './flood-gate'

describe('createFloodGate', () => {
  it('passes the first `limit` of a window and counts the rest', () => {
    const gate = createFloodGate(150, 60_000)
    let passed = 0
    for (let i = 0; i < 10_000; i++) if (gate.pass(1_000)) passed++
    expect(passed).toBe(150)
    expect(gate.take(1_000)).toBe(9_850)
    // Taken once: nothing is counted twice.
    expect(gate.take(1_001)).toBe(0)
  })

  it('passes again in the next window', () => {
    const gate = createFloodGate(2, 60_000)
    expect([gate.pass(0), gate.pass(1), gate.pass(2)]).toEqual([true, true, false])
    expect([gate.pass(60_000), gate.pass(60_001), gate.pass(60_002)]).toEqual([true, true, false])
    expect(gate.take(60_003)).toBe(2)
  })

  it('lets the excess go at once, then at most once per flush interval', () => {
    const gate = createFloodGate(1, 60_000, 1_000)
    expect(gate.flushIn(5_000)).toBe(0)
    gate.pass(5_000)
    gate.pass(5_000)
    expect(gate.take(5_000)).toBe(1)
    expect(gate.flushIn(5_200)).toBe(800)
    expect(gate.flushIn(6_000)).toBe(0)
    // Taking nothing does not delay the next real flush.
    expect(gate.take(6_500)).toBe(0)
    expect(gate.flushIn(6_500)).toBe(0)
  })
})
