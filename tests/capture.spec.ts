// Capturing: outside a session notifications are shown and logged as delivered; during one every
// way a page can show a notification is held, stored with the session, counted on the badge and
// listed in the popup.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type Control, POPUP } from './harness/control'
import {
  eventsOf,
  notify,
  openFixture,
  QUIET_WAIT_MS,
  sleep,
  swDisplayed,
  waitForShow,
} from './harness/fixture'
import type { Via } from './harness/fx-types'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

describe('capture', () => {
  let m: Margen
  let ctl: Control
  let gmail: Page

  useMargen(async (margen, control) => {
    m = margen
    ctl = control
    gmail = await openFixture(m, 'mail.google.com')
  })

  it('delivers `new Notification` outside a session, then logs it as delivered', async () => {
    const tag = `open-ctor-${Date.now()}`
    const id = await notify(gmail, { title: 'Ana Ruiz', body: 'Invoice attached', tag })
    await waitForShow(gmail, id)
    const row = await ctl.capture((c) => c.tag === tag)
    expect(row).toMatchObject({
      verdict: 'deliver',
      reason: 'open',
      status: 'delivered',
      site: 'gmail',
      api: 'ctor',
      title: 'Ana Ruiz',
      body: 'Invoice attached',
      sessionId: '',
      origin: 'https://mail.google.com',
      pageUrl: gmail.url(),
      tabId: await ctl.tabIdOf(gmail),
      frameId: 0,
    })
  })

  it('delivers `registration.showNotification` outside a session, then logs it', async () => {
    const tag = `open-sw-${Date.now()}`
    const id = await notify(gmail, { title: 'Luis', body: 'Ping', tag, via: 'sw' })
    expect(await eventsOf(gmail, id)).toEqual([{ id, type: 'show', how: 'promise' }])
    expect(await swDisplayed(gmail, tag)).toBe(1)
    const row = await ctl.capture((c) => c.tag === tag)
    expect(row).toMatchObject({
      api: 'sw',
      verdict: 'deliver',
      reason: 'open',
      status: 'delivered',
      site: 'gmail',
      title: 'Luis',
      body: 'Ping',
      origin: 'https://mail.google.com',
      tabId: await ctl.tabIdOf(gmail),
    })
  })

  it('holds every page path during a session, stores it with the session and counts it', async () => {
    const session = await ctl.start()
    expect(await ctl.badge()).toBe(' ')
    const vias: Via[] = ['ctor', 'sw', 'iframe', 'blank', 'blank-src', 'blank-srcdoc']
    const run = Date.now()
    const ids = new Map<Via, number>()
    for (const via of vias) {
      const id = await notify(gmail, {
        title: 'Ana Ruiz',
        body: via,
        tag: `held-${via}-${run}`,
        via,
      })
      ids.set(via, id)
    }
    const rows = await Promise.all(
      vias.map((via) => ctl.capture((c) => c.tag === `held-${via}-${run}`)),
    )
    await sleep(QUIET_WAIT_MS)
    for (const via of vias) {
      const events = await eventsOf(gmail, ids.get(via)!)
      // 'sw': the page's promise resolves as it would natively, but nothing is displayed.
      const expected = via === 'sw' ? [{ id: ids.get(via), type: 'show', how: 'promise' }] : []
      expect({ via, events }).toEqual({ via, events: expected })
    }
    expect(await swDisplayed(gmail, `held-sw-${run}`)).toBe(0)
    const tabId = await ctl.tabIdOf(gmail)
    for (const [i, row] of rows.entries()) {
      expect({ via: vias[i], ...row }).toMatchObject({
        via: vias[i],
        verdict: 'hold',
        reason: 'block',
        status: 'held',
        sessionId: session.id,
        site: 'gmail',
        origin: 'https://mail.google.com',
        tabId,
        api: vias[i] === 'sw' ? 'sw' : 'ctor',
        body: vias[i],
      })
    }
    await expect.poll(() => ctl.badge()).toBe(String(vias.length))
  })

  it('holds under a Trusted Types CSP (/tt.html)', async () => {
    const session = await ctl.start()
    const tt = await openFixture(m, 'mail.google.com', '/tt.html')
    const result = await tt.evaluate(() => window.ttResult)
    expect(result).toMatchObject({ innerHTMLBlocked: true, evalBlocked: true })
    const tag = `tt-${Date.now()}`
    const id = await notify(tt, { title: 'Ana Ruiz', body: 'Under TT', tag })
    const row = await ctl.capture((c) => c.tag === tag)
    expect(row).toMatchObject({ verdict: 'hold', status: 'held', sessionId: session.id })
    await sleep(QUIET_WAIT_MS)
    expect(await eventsOf(tt, id)).toEqual([])
    await tt.close()
  })

  it('lists held items grouped by sender with counts in the popup, and on the badge', async () => {
    await ctl.start()
    const slack = await openFixture(m, 'app.slack.com')
    const run = Date.now()
    const ana = `Ana ${run}`
    const luis = `Luis ${run}`
    await notify(gmail, { title: ana, body: 'first', tag: `p1-${run}` })
    await notify(gmail, { title: ana, body: 'second', tag: `p2-${run}` })
    await notify(slack, { title: luis, body: 'third', tag: `p3-${run}` })
    await ctl.capture((c) => c.tag === `p3-${run}`)
    await ctl.capture((c) => c.tag === `p2-${run}`)
    await expect.poll(() => ctl.badge()).toBe('3')

    const popup = await m.extensionPage(POPUP)
    const group = (name: string) => popup.getByRole('button', { name: new RegExp(name) })
    await expect.poll(() => group(ana).textContent()).toContain('2 notifications')
    expect(await group(ana).textContent()).toContain('Gmail')
    expect(await group(luis).textContent()).toContain('1 notification')
    expect(await group(luis).textContent()).toContain('Slack')
    // Most first: Ana's group comes before Luis's.
    const order = await popup.locator('.group .sender').allTextContents()
    expect(order).toEqual([ana, luis])
    await group(ana).click()
    const items = popup
      .getByRole('list', { name: `Notifications from ${ana}` })
      .getByRole('listitem')
    await expect
      .poll(() => items.allTextContents())
      .toEqual([expect.stringContaining('second'), expect.stringContaining('first')])
    await popup.close()
    await slack.close()
  })
})
