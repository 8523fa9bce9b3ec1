// Untrusted pages: a hostile page on a watched site cannot forge captures, overhear the private
// hook⇄bridge channel or steer sessions (tests/fixtures/hostile.js says what it tries).
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CaptureRow } from '../src/store/db'
import type { Control } from './harness/control'
import { eventsOf, notify, openFixture, QUIET_WAIT_MS, sleep } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const MARK = 'margen-forged'

describe('hostile page', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  /** Counters of refused or dropped messages: parser fallbacks count real captures, not these. */
  async function refusals(): Promise<Record<string, number>> {
    const all = Object.entries(await ctl.counters())
    return Object.fromEntries(all.filter(([key]) => !key.startsWith('parser:')))
  }

  async function openHostile(): Promise<Page> {
    const page = await openFixture(m, 'web.whatsapp.com', '/hostile.html')
    await page.waitForFunction(() => window.hostile?.done === true)
    return page
  }

  it('forges and spies during a session: nothing forged is stored, nothing is overheard', async () => {
    const session = await ctl.start()
    const [countersBefore, sessionsBefore, quietBefore] = [
      await refusals(),
      await ctl.read('sessions'),
      await ctl.quiet(),
    ]
    const mail = await openFixture(m, 'mail.google.com')
    const hostile = await openHostile()
    const hostileTab = await ctl.tabIdOf(hostile)
    // A real notification, held; then forge verdicts and captures again while it waits.
    const heldShown = await hostile.evaluate(async (id) => {
      const shown: string[] = []
      const n = new Notification('margen-forged held', { tag: 'margen-forged-held' })
      n.addEventListener('show', () => shown.push('show'))
      await window.hostile!.probe({ extensionId: id })
      return shown
    }, m.extensionId)
    // Page A's own capture, while page B (the hostile one) is open.
    const tag = `a-${Date.now()}`
    const aId = await notify(mail, { title: 'Ana Ruiz', body: 'from A', tag })
    const fromA = await ctl.capture((c) => c.tag === tag)
    await ctl.capture((c) => c.tag === 'margen-forged-held')
    await sleep(QUIET_WAIT_MS)

    expect(fromA).toMatchObject({
      origin: 'https://mail.google.com',
      site: 'gmail',
      tabId: await ctl.tabIdOf(mail),
      verdict: 'hold',
      sessionId: session.id,
    })
    expect(await eventsOf(mail, aId)).toEqual([])
    expect(heldShown).toEqual([])
    expect(await hostile.evaluate(() => window.hostile!.observed)).toEqual([])

    // Only the page's real API calls were captured (the probe on load, the explicit probe and
    // the held one above), from its real origin and tab; no forged payload got through.
    const marked = (await ctl.captures()).filter((c) => JSON.stringify(c).includes(MARK))
    const brief = (c: CaptureRow) => [c.title, c.tag, c.api, c.origin, c.site, c.tabId]
    const real = (title: string, t: string) => [
      title,
      t,
      'ctor',
      'https://web.whatsapp.com',
      'whatsapp',
      hostileTab,
    ]
    expect(marked.map(brief).sort()).toEqual(
      [
        real('margen-forged held', 'margen-forged-held'),
        real('margen-forged probe', 'margen-forged-probe'),
        real('margen-forged probe', 'margen-forged-probe'),
      ].sort(),
    )
    expect(marked.every((c) => c.status === 'held' && c.sessionId === session.id)).toBe(true)

    // It could not start, end or change a session, nor reach the background at all.
    expect(await hostile.evaluate(() => window.hostile!.runtime)).toBe('absent')
    expect(await ctl.read('sessions')).toEqual(sessionsBefore)
    expect(await ctl.quiet()).toEqual(quietBefore)
    expect(await refusals()).toEqual(countersBefore)
    await hostile.close()
    await mail.close()
  })

  it('overhears nothing outside a session either', async () => {
    const hostile = await openHostile()
    expect(await hostile.evaluate(() => window.hostile!.observed)).toEqual([])
    const marked = (await ctl.captures()).filter((c) => c.tag === MARK || c.title === MARK)
    expect(marked).toEqual([])
    expect(await ctl.active()).toBeUndefined()
    await hostile.close()
  })
})
