import { describe, expect, it } from 'vitest'
import { normName } from './clients/identity'
import {
  createAdmission,
  createFloodRecorder,
  type Flood,
  floodMinutes,
  floodSenderKey,
  notificationsIn,
} from './flood'

const limits = { perTab: 120, perOrigin: 300, windowMs: 60_000 }

describe('createAdmission', () => {
  it('stores 120 of a flooding tab, and the tab’s other-site neighbours are unaffected', () => {
    const adm = createAdmission(limits)
    const results = Array.from({ length: 10_000 }, () => adm.admit('1', 'https://a', 1_000))
    expect(results.filter((r) => r === 'ok')).toHaveLength(120)
    expect(results.filter((r) => r === 'tab')).toHaveLength(9_880)
    expect(adm.admit('2', 'https://b', 1_000)).toBe('ok')
  })

  it('a flooding tab does not use up its origin: another tab of the same site still gets through', () => {
    const adm = createAdmission(limits)
    for (let i = 0; i < 10_000; i++) adm.admit('1', 'https://a', 0)
    let ok = 0
    for (let i = 0; i < 120; i++) if (adm.admit('2', 'https://a', 0) === 'ok') ok++
    expect(ok).toBe(120)
  })

  it('caps an origin over all its tabs', () => {
    const adm = createAdmission(limits)
    const results = Array.from({ length: 5 }, (_, tab) =>
      Array.from({ length: 100 }, () => adm.admit(String(tab), 'https://a', 0)),
    ).flat()
    expect(results.filter((r) => r === 'ok')).toHaveLength(300)
    expect(results.filter((r) => r === 'origin')).toHaveLength(200)
    // A new window: the origin is allowed again.
    expect(adm.admit('9', 'https://a', 60_000)).toBe('ok')
  })
})

/** A sink that records its writes; each write waits for `release` when `gated`. */
function fakeSink() {
  const rows = new Map<number, Flood & { ctx: string }>()
  const log: string[] = []
  let next = 1
  let gate: Promise<void> = Promise.resolve()
  let open = () => {}
  return {
    rows,
    log,
    hold() {
      gate = new Promise((r) => {
        open = r
      })
    },
    release: () => open(),
    sink: {
      async create(flood: Flood, ctx: string) {
        await gate
        const id = next++
        rows.set(id, { ...flood, ctx })
        log.push(`create ${id} ${flood.count}`)
        return id
      },
      async update(id: number, flood: Flood) {
        await gate
        rows.set(id, { ...flood, ctx: rows.get(id)?.ctx ?? '' })
        log.push(`update ${id} ${flood.count}`)
      },
    },
  }
}

describe('createFloodRecorder', () => {
  it('counts a burst into one row: one create, then updates, never overlapping', async () => {
    const f = fakeSink()
    const rec = createFloodRecorder(f.sink, 10 * 60_000)
    f.hold()
    const first = rec.add('tab:1', 1, 1_000, () => 'ctx')
    // The create has begun (and waits on the store) before the rest arrive.
    await new Promise((r) => setTimeout(r, 0))
    const rest = Array.from({ length: 9_879 }, (_, i) =>
      rec.add('tab:1', 1, 1_001 + i, () => 'ctx'),
    )
    const writes = [first, ...rest]
    f.release()
    const ids = await Promise.all(writes)
    expect(new Set(ids)).toEqual(new Set([1]))
    expect(f.rows.get(1)).toEqual({ count: 9_880, firstAt: 1_000, lastAt: 10_879, ctx: 'ctx' })
    // Whatever arrived during the first write went in one more: two writes for the whole burst.
    expect(f.log).toEqual(['create 1 1', 'update 1 9880'])
  })

  it('adds a bridge’s coalesced count to the same row, and keeps keys apart', async () => {
    const f = fakeSink()
    const rec = createFloodRecorder(f.sink, 10 * 60_000)
    await rec.add('tab:1', 30, 0, () => 'one')
    await rec.add('tab:1', 9_850, 500, () => 'unused')
    await rec.add('tab:2', 5, 600, () => 'two')
    expect(f.rows.get(1)).toMatchObject({ count: 9_880, firstAt: 0, lastAt: 500, ctx: 'one' })
    expect(f.rows.get(2)).toMatchObject({ count: 5, ctx: 'two' })
  })

  it('starts a new row after a quiet gap', async () => {
    const f = fakeSink()
    const rec = createFloodRecorder(f.sink, 60_000)
    expect(await rec.add('k', 10, 0, () => 'a')).toBe(1)
    expect(await rec.add('k', 10, 60_000, () => 'a')).toBe(1)
    expect(await rec.add('k', 7, 120_001, () => 'b')).toBe(2)
    expect(f.rows.get(1)?.count).toBe(20)
    expect(f.rows.get(2)).toMatchObject({ count: 7, firstAt: 120_001, ctx: 'b' })
  })

  it('loses no count when a write fails: the next one writes the total', async () => {
    let fail = true
    const rows: Flood[] = []
    const rec = createFloodRecorder<string>(
      {
        create(flood) {
          if (fail) throw new Error('quota')
          rows.push(flood)
          return Promise.resolve(rows.length)
        },
        async update(id, flood) {
          rows[id - 1] = flood
        },
      },
      60_000,
    )
    await expect(rec.add('k', 5, 0, () => '')).rejects.toThrow('quota')
    fail = false
    expect(await rec.add('k', 1, 1, () => '')).toBe(1)
    expect(rows).toEqual([{ count: 6, firstAt: 0, lastAt: 1 }])
  })

  it('says how many whole minutes a flood lasted, at least one', () => {
    expect(floodMinutes({ firstAt: 0, lastAt: 0 })).toBe(1)
    expect(floodMinutes({ firstAt: 0, lastAt: 60_000 })).toBe(1)
    expect(floodMinutes({ firstAt: 0, lastAt: 60_001 })).toBe(2)
  })
})

describe('a flood entry among captures', () => {
  it('has a sender key no real sender can have, not even one named "Flood"', () => {
    // background/captures.ts: `${site}:${email, @handle or normalised name}`.
    for (const name of ['Flood', 'flood', '#flood', 'whatsapp#flood'])
      expect(`whatsapp:${normName(name)}`).not.toBe(floodSenderKey('whatsapp'))
  })

  it('stands for as many notifications as it counted; any other capture for one', () => {
    const flood: Flood = { count: 9_880, firstAt: 0, lastAt: 60_000 }
    expect(notificationsIn([{}, { flood }, {}])).toBe(9_882)
    expect(notificationsIn([])).toBe(0)
  })
})
