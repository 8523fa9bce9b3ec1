// Storage relief when capture writes fail: a burst of failures makes room once, the user is
// notified at most once a day, and the popup's notice adds up what was pruned.
import { describe, expect, it } from 'vitest'
import type { BgDeps, Text } from './ports'
import { createStorageRelief, STORAGE_FULL_KEY, STORAGE_FULL_NOTICE } from './storage-full'

const DAY = 24 * 60 * 60_000

function setup() {
  let clock = Date.UTC(2026, 10, 24, 12)
  const local = new Map<string, unknown>()
  const created: string[] = []
  const browser = {
    runtime: { getURL: (p: string) => `chrome-extension://x/${p}` },
    storage: {
      local: {
        get: async (keys: string[]) => Object.fromEntries(keys.map((k) => [k, local.get(k)])),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) local.set(k, v)
        },
      },
    },
    notifications: {
      create: async (id: string) => {
        created.push(id)
        return id
      },
    },
  } as unknown as BgDeps['browser']
  const text: Text = { t: (key, subs) => `${key}(${subs ?? ''})`, time: String, number: String }
  let rooms = 0
  const counted: string[] = []
  const relieve = createStorageRelief(
    { browser, now: () => clock },
    text,
    async () => {
      rooms++
      return 10
    },
    (k) => counted.push(k),
  )
  return {
    relieve,
    local,
    created,
    counted,
    rooms: () => rooms,
    advance: (ms: number) => {
      clock += ms
    },
  }
}

describe('storage relief', () => {
  it('makes room once for a burst of failures, and tells the user once', async () => {
    const s = setup()
    await Promise.all(Array.from({ length: 50 }, () => s.relieve()))
    expect(s.rooms()).toBe(1)
    expect(s.created).toEqual([STORAGE_FULL_NOTICE])
    expect(s.local.get(STORAGE_FULL_KEY)).toMatchObject({ pruned: 10 })
  })

  it('makes room again after a minute, notifies again only after a day', async () => {
    const s = setup()
    await s.relieve()
    s.advance(30_000)
    await s.relieve()
    expect(s.rooms()).toBe(1)
    s.advance(60_000)
    await s.relieve()
    expect(s.rooms()).toBe(2)
    expect(s.local.get(STORAGE_FULL_KEY)).toMatchObject({ pruned: 20 })
    expect(s.created).toHaveLength(1)
    s.advance(DAY)
    await s.relieve()
    expect(s.created).toHaveLength(2)
    expect(s.counted.filter((k) => k === 'store:room-made')).toHaveLength(3)
  })
})
