import { describe, expect, it } from 'vitest'
import { hookSize } from '../bench/size'

// DESIGN.md budget: the MAIN-world hook runs in every frame of every watched site at
// document_start, so it must stay small. Size is deterministic, so this is a test, not a benchmark.
describe('hook size', () => {
  it('is at most 2 KB gzipped in the built extension', () => {
    const { hookGzipBytes } = hookSize()
    expect(hookGzipBytes).toBeLessThanOrEqual(2048)
  })
})
