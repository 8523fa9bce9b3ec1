// The review page after a session: "Open" brings the source tab forward and runs the page's own
// click handler on the notification it still holds; "Mark done" clears the item; a closed source
// tab is reopened at its URL. The digest notification opens this page for its session.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CaptureRow } from '../src/store/db'
import { type Control, REVIEW } from './harness/control'
import { notify, openFixture } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

describe('review page', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  /** Holds one notification in `page` during a session of its own, then ends the session. */
  async function holdOne(page: Page, title: string, body: string, tag: string) {
    const session = await ctl.start()
    await notify(page, { title, body, tag })
    const row = await ctl.capture((c) => c.tag === tag && c.status === 'held')
    await ctl.end()
    return { session, row }
  }

  const rowOf = async (id: number): Promise<CaptureRow | undefined> =>
    (await ctl.captures()).find((c) => c.id === id)

  it('opens a held item in its tab (the page handles the click), then marks it done', async () => {
    const chat = await openFixture(m, 'web.whatsapp.com')
    const tabId = await ctl.tabIdOf(chat)
    const body = `Call me about conv 42 (${Date.now()})`
    const { row } = await holdOne(chat, 'Ana Ruiz', body, 'conv-42')
    expect(row.tabId).toBe(tabId)

    const review = await m.extensionPage(REVIEW)
    expect((await ctl.tab(tabId)).active).toBe(false)
    expect(await chat.evaluate(() => [window.fx.clicks, window.fx.opened])).toEqual([0, null])
    await review.getByRole('button', { name: `Open: ${body}` }).click()

    await expect.poll(async () => (await ctl.tab(tabId)).active).toBe(true)
    await expect.poll(() => chat.evaluate(() => window.fx.clicks)).toBe(1)
    expect(await chat.evaluate(() => window.fx.opened)).toBe('conv-42')
    expect(await chat.locator('#opened').textContent()).toBe('conv-42')
    // Opening is not dealing with it: the item stays until marked done.
    expect((await rowOf(row.id))?.status).toBe('held')

    await review.bringToFront()
    const markDone = review.getByRole('button', { name: `Mark done: ${body}` })
    await markDone.click()
    await expect.poll(() => markDone.count()).toBe(0)
    expect(await review.getByRole('button', { name: `Open: ${body}` }).count()).toBe(0)
    expect((await rowOf(row.id))?.status).toBe('done')
    await review.close()
    await chat.close()
  })

  it('opens a new tab at the page URL when the source tab was closed', async () => {
    const mail = await openFixture(m, 'mail.google.com')
    const body = `Closed tab (${Date.now()})`
    const { row } = await holdOne(mail, 'Luis Gil', body, `closed-${Date.now()}`)
    const url = mail.url()
    expect(row.pageUrl).toBe(url)
    await mail.close()

    const review = await m.extensionPage(REVIEW)
    const opened = m.context.waitForEvent('page', { predicate: (p) => p.url() === url })
    await review.getByRole('button', { name: `Open: ${body}` }).click()
    const page = await opened
    await page.waitForLoadState()
    expect(await page.evaluate(() => typeof window.fx.notify)).toBe('function')
    const tabId = await ctl.tabIdOf(page)
    expect(tabId).not.toBe(row.tabId)
    expect((await ctl.tab(tabId)).active).toBe(true)
    await review.close()
    await page.close()
  })

  // A system notification cannot be clicked in headless Chromium. Instead, the worker's real
  // `notifications.onClicked` event is dispatched with the digest's id: this runs the listener
  // the background registered, exactly as a click would.
  it('opens the review page for its session when the digest notification is clicked', async () => {
    await ctl.clearNotifications()
    const chat = await openFixture(m, 'web.telegram.org')
    const body = `Digest click (${Date.now()})`
    const { session } = await holdOne(chat, 'Ana Ruiz', body, `digest-${Date.now()}`)
    const id = `digest:${session.id}`
    await expect.poll(() => ctl.notificationIds()).toEqual([id])
    expect(await m.sw.evaluate(() => chrome.notifications.onClicked.hasListeners())).toBe(true)

    const url = `chrome-extension://${m.extensionId}/${REVIEW}?session=${session.id}`
    const opened = m.context.waitForEvent('page', { predicate: (p) => p.url() === url })
    await m.sw.evaluate((n) => {
      const event = chrome.notifications.onClicked as unknown as { dispatch(id: string): void }
      event.dispatch(n)
    }, id)
    const review = await opened
    await expect.poll(() => ctl.notificationIds()).toEqual([])
    await expect.poll(() => review.getByText('Showing one block only.').count()).toBe(1)
    expect(await review.getByRole('button', { name: `Open: ${body}` }).count()).toBe(1)
    await review.close()
    await chat.close()
  })
})
