// The digest at a block's end, summarised by client: a block with messages from two clients and
// three senders of no client ends; the notification says "Acme 3, Beta 2, 3 others" with Review
// and Dismiss buttons; Review opens the review page for that block, Dismiss only closes it.
// A system notification's buttons cannot be pressed in headless Chromium: the worker's real
// `notifications.onButtonClicked` event is dispatched instead, which runs the listener the
// background registered exactly as a press would.
import { describe, expect, it } from 'vitest'
import type { Client, Rules } from '../src/core/clients/schema'
import { DEFAULT_KEYWORDS } from '../src/core/clients/schema'
import { identity, testClient } from '../src/core/clients/testing'
import { type Control, REVIEW } from './harness/control'
import { recordNotifications, shownNotifications } from './harness/digest'
import { notify, openFixture } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const client = (id: string, name: string, who: string): Client =>
  testClient(id, {
    name,
    identities: [identity('name', who)],
    keywords: false,
    channel: false,
    quota: 0,
  })

const RULES: Rules = {
  clients: [client('acme', 'Acme', 'Ana Ruiz'), client('beta', 'Beta', 'Bruno Beta')],
  emergency: [],
  keywords: [...DEFAULT_KEYWORDS],
  emergencyChannel: '',
}

describe('digest by client', () => {
  let m: Margen
  let ctl: Control

  useMargen(async (margen, control) => {
    m = margen
    ctl = control
    expect(await ctl.send({ type: 'ui/rules-save', rules: RULES })).toEqual({ ok: true })
  })

  /** A block with 3 from Acme (two sites), 2 from Beta, 1 each from three unknown senders. */
  async function block(): Promise<string> {
    await ctl.clearNotifications()
    const gmail = await openFixture(m, 'mail.google.com')
    const chat = await openFixture(m, 'web.whatsapp.com')
    const session = await ctl.start()
    const run = `d-${Date.now()}`
    const sends: [typeof gmail, string][] = [
      [gmail, 'Ana Ruiz'],
      [chat, 'Ana Ruiz'],
      [gmail, 'Bruno Beta'],
      [gmail, 'Ana Ruiz'],
      [gmail, 'Carla Gómez'],
      [gmail, 'Bruno Beta'],
      [chat, 'Diego'],
      [gmail, 'Elena'],
    ]
    for (const [i, [page, title]] of sends.entries())
      await notify(page, { title, body: `mensaje ${i}`, tag: `${run}-${i}` })
    await ctl.capture((c) => c.tag === `${run}-${sends.length - 1}`)
    await recordNotifications(m)
    await ctl.end()
    await gmail.close()
    await chat.close()
    return session.id
  }

  it('summarises the block by client, with Review and Dismiss', async () => {
    const sessionId = await block()
    const id = `digest:${sessionId}`
    await expect.poll(() => ctl.notificationIds()).toEqual([id])
    const [digest] = (await shownNotifications(m)).filter((s) => s.id === id)
    expect(digest).toEqual({
      id,
      title: 'Focus session over',
      message: '8 held from 5 senders: Acme 3, Beta 2, 3 others',
      buttons: ['Review', 'Dismiss'],
    })
  })

  it('Review opens the review page for the block; Dismiss only closes the notification', async () => {
    const first = await block()
    const url = `chrome-extension://${m.extensionId}/${REVIEW}?session=${first}`
    const opened = m.context.waitForEvent('page', { predicate: (p) => p.url() === url })
    await m.sw.evaluate((n) => {
      const event = chrome.notifications.onButtonClicked as unknown as {
        dispatch(id: string, index: number): void
      }
      event.dispatch(n, 0)
    }, `digest:${first}`)
    const review = await opened
    await expect.poll(() => ctl.notificationIds()).toEqual([])
    await expect.poll(() => review.getByText('Acme', { exact: true }).count()).toBeGreaterThan(0)
    await review.close()

    const second = await block()
    await expect.poll(() => ctl.notificationIds()).toEqual([`digest:${second}`])
    const pages = m.context.pages().length
    await m.sw.evaluate((n) => {
      const event = chrome.notifications.onButtonClicked as unknown as {
        dispatch(id: string, index: number): void
      }
      event.dispatch(n, 1)
    }, `digest:${second}`)
    await expect.poll(() => ctl.notificationIds()).toEqual([])
    expect(m.context.pages().length).toBe(pages)
    // Dismissed is not reviewed: everything held is still waiting.
    const held = (await ctl.captures()).filter((c) => c.sessionId === second && c.status === 'held')
    expect(held).toHaveLength(8)
  })
})
