import { describe, expect, it } from 'vitest'
import { createSerial } from './serial'

const tick = () => new Promise((r) => setTimeout(r, 1))

describe('serial', () => {
  it('runs tasks with one key one after another, other keys alongside, and survives failures', async () => {
    const serial = createSerial()
    const log: string[] = []
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name}:start`)
        await tick()
        log.push(`${name}:end`)
        if (fail) throw new Error(name)
        return name
      }
    const a1 = serial('a', task('a1', true))
    const a2 = serial('a', task('a2'))
    const b1 = serial('b', task('b1'))
    await expect(a1).rejects.toThrow('a1')
    expect(await a2).toBe('a2')
    expect(await b1).toBe('b1')
    expect(log.indexOf('a1:end')).toBeLessThan(log.indexOf('a2:start'))
    expect(log.indexOf('b1:start')).toBeLessThan(log.indexOf('a1:end'))
  })
})
