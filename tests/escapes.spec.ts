// A notification whose every field is at its limit in characters JSON writes as six (`\u0001`):
// the hook keeps them within the limits, so the bridge and the background must take the capture
// whatever its size as JSON. Found by src/content/hook/payload.fuzz.test.ts: with a 16,000-byte
// message limit the bridge dropped such a capture, and a held one was never stored nor shown.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../src/core/limits'
import type { Control } from './harness/control'
import { notify, openFixture, waitForShow } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const SIX = '\u0001'

describe('captures as large as JSON can write them', () => {
  let m: Margen
  let ctl: Control
  let gmail: Page

  useMargen(async (margen, control) => {
    m = margen
    ctl = control
    gmail = await openFixture(m, 'mail.google.com')
  })

  const send = (tag: string) =>
    notify(gmail, {
      title: SIX.repeat(LIMITS.title + 10),
      body: SIX.repeat(LIMITS.body + 10),
      data: SIX.repeat(LIMITS.data + 10),
      tag,
    })

  it('are held and stored during a session, whole up to the limits', async () => {
    await ctl.start()
    const before = await ctl.counters()
    const tag = `six-held-${Date.now()}`
    await send(tag)
    const row = await ctl.capture((c) => c.tag === tag)
    expect(row).toMatchObject({ verdict: 'hold', status: 'held' })
    expect([row.title.length, row.body.length, row.data.length]).toEqual([
      LIMITS.title,
      LIMITS.body,
      LIMITS.data,
    ])
    const after = await ctl.counters()
    expect(after['refused:too-large'] ?? 0).toBe(before['refused:too-large'] ?? 0)
  })

  it('are shown and logged outside a session', async () => {
    const tag = `six-open-${Date.now()}`
    const id = await send(tag)
    await waitForShow(gmail, id)
    const row = await ctl.capture((c) => c.tag === tag)
    expect(row).toMatchObject({ verdict: 'deliver', status: 'delivered' })
    expect(row.body.length).toBe(LIMITS.body)
  })
})
