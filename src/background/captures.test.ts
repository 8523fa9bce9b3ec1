// The capture handler on the paths a stopped worker or a full disk take: a capture sent again
// is answered from the row already stored, one the page was shown anyway stops waiting for
// review, and one that cannot be written is delivered after one retry. Real Dexie on
// fake-indexeddb; the focus machine is reduced to "a block is running".
import { afterEach, describe, expect, it } from 'vitest'
import type { PageCapture, Reply } from '../core/messages'
import type { MargenDb } from '../store/db'
import { testDb } from '../ui/testing/rows'
import { createCaptureHandler } from './captures'
import type { FocusMachine } from './focus-machine'
import type { BgDeps } from './ports'
import type { ContentSource } from './router'

const NOW = Date.UTC(2026, 10, 24, 12)
const FROM: ContentSource = {
  tabId: 7,
  frameId: 0,
  url: 'https://mail.google.com/mail/u/0/',
  origin: 'https://mail.google.com',
  tabUrl: 'https://mail.google.com/mail/u/0/',
}
const cap = (ref: string, mode: PageCapture['mode'] = 'pending'): PageCapture => ({
  ref,
  api: 'ctor',
  mode,
  title: 'Ana Ruiz',
  body: 'hola',
  tag: '',
  icon: '',
  data: '',
})

type FaultGlobal = { __margenFault?: string; __margenFaultTimes?: number }

let db: MargenDb
afterEach(async () => {
  delete (globalThis as FaultGlobal).__margenFault
  await db.delete()
})

function setup(onWriteFailed?: (error: unknown) => Promise<void>) {
  db = testDb()
  const counted: string[] = []
  const focus = {
    quietPeriod: async () => ({ kind: 'block', id: 'block-1', until: NOW + 3_600_000 }),
    badgeSoon: () => undefined,
  } as unknown as FocusMachine
  const deps = { db, now: () => NOW } as unknown as BgDeps
  const handle = createCaptureHandler(deps, focus, (k) => counted.push(k), onWriteFailed)
  const send = (c: PageCapture, retry?: number): Promise<Reply> =>
    handle({ type: 'content/capture', cap: c, ...(retry ? { retry } : {}) }, FROM)
  return { send, counted }
}

describe('a capture sent again after the worker stopped', () => {
  it('is answered with the stored row, and not stored twice', async () => {
    const { send, counted } = setup()
    const first = await send(cap('p-1'))
    expect(first).toMatchObject({ ok: true, verdict: 'hold', reason: 'block' })
    const again = await send(cap('p-1'), 1)
    expect(again).toEqual({
      ok: true,
      id: (first as { id: number }).id,
      verdict: 'hold',
      reason: 'block',
    })
    expect(await db.captures.count()).toBe(1)
    expect(counted).toContain('capture:retry-stored')
  })

  it('is stored when the stopped worker had not written it', async () => {
    const { send, counted } = setup()
    expect(await send(cap('p-2'), 1)).toMatchObject({ verdict: 'hold' })
    expect(await db.captures.count()).toBe(1)
    expect(counted).toContain('capture:retry-new')
  })

  it('does not take another tab’s capture with the same ref for its own', async () => {
    const { send } = setup()
    await send(cap('p-3'))
    await db.captures.toCollection().modify({ tabId: 99 })
    await send(cap('p-3'), 1)
    expect(await db.captures.count()).toBe(2)
  })

  it('marks a held row delivered when the bridge gave up and the page showed it', async () => {
    const { send, counted } = setup()
    await send(cap('p-4'))
    const reply = await send(cap('p-4', 'delivered'), 3)
    expect(reply).toMatchObject({ verdict: 'deliver' })
    expect((await db.captures.toArray()).map((c) => c.status)).toEqual(['delivered'])
    expect(counted).toContain('capture:failed-open')
  })
})

describe('a capture that cannot be written', () => {
  const fail = (times: number) => {
    Object.assign(globalThis as FaultGlobal, {
      __margenFault: 'write-fails',
      __margenFaultTimes: times,
    })
  }

  it('is stored by the retry once room was made, and held', async () => {
    let relieved = 0
    const { send, counted } = setup(async () => {
      relieved++
    })
    fail(1)
    expect(await send(cap('w-1'))).toMatchObject({ verdict: 'hold' })
    expect(relieved).toBe(1)
    expect(await db.captures.count()).toBe(1)
    expect(counted).toEqual(expect.arrayContaining(['store:write-failed']))
    expect(counted).not.toContain('store:not-stored-delivered')
  })

  it('is delivered when the retry fails too, and never thrown at the page', async () => {
    const { send, counted } = setup()
    fail(2)
    expect(await send(cap('w-2'))).toEqual({ ok: true, verdict: 'deliver', reason: 'block' })
    expect(await db.captures.count()).toBe(0)
    expect(counted).toEqual(
      expect.arrayContaining(['store:write-failed', 'store:not-stored-delivered']),
    )
  })

  it('is delivered when making room fails', async () => {
    const { send } = setup(async () => {
      throw new Error('no room')
    })
    fail(1)
    expect(await send(cap('w-3'))).toMatchObject({ verdict: 'deliver' })
  })
})
