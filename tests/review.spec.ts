// The review page after a session: "Open" brings the source tab forward and runs the page's own
// click handler on the notification it still holds; "Mark done" clears the item; a closed source
// tab is reopened at its URL. The digest notification opens this page for its session. A block
// with several clients is grouped by client, conversation and burst; "Mark all done", "Snooze"
// and a keyboard shortcut act on the stored captures.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Client, Rules } from '../src/core/clients/schema'
import { DEFAULT_KEYWORDS } from '../src/core/clients/schema'
import { identity, testClient } from '../src/core/clients/testing'
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

  it('starts reading the held captures from its start-up script, before its modules run', async () => {
    const mail = await openFixture(m, 'mail.google.com')
    const body = `Read early (${Date.now()})`
    await holdOne(mail, 'Inés Mora', body, `early-${Date.now()}`)
    const review = await m.context.newPage()
    // Who opens the database first: a classic script is document.currentScript, a module is not.
    await review.addInitScript(() => {
      const opens: string[] = []
      Object.assign(window, { opens })
      const open = IDBFactory.prototype.open
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
        const script = document.currentScript as HTMLScriptElement | null
        opens.push(`${args[0]} from ${script ? new URL(script.src).pathname : 'a module'}`)
        return open.apply(this, args)
      }
    })
    await review.goto(`chrome-extension://${m.extensionId}/${REVIEW}`)
    await review.getByRole('button', { name: `Open: ${body}` }).waitFor()
    const opens = await review.evaluate(() => (window as unknown as { opens: string[] }).opens)
    expect(opens[0]).toBe('margen from /assets/review-start.js')
    // The entry took that read instead of starting its own; Dexie opens the database later.
    expect(opens.filter((o) => o.endsWith('review-start.js'))).toHaveLength(1)
    expect(opens.slice(1).every((o) => o === 'margen from a module')).toBe(true)
    expect(await review.evaluate(() => '__margenHeldRead' in window)).toBe(false)
    await review.close()
    await mail.close()
  })

  it('groups a block by client, conversation and burst; marks done, snoozes, and takes keys', async () => {
    expect(await ctl.send({ type: 'ui/rules-save', rules: RULES })).toEqual({ ok: true })
    const mail = await openFixture(m, 'mail.google.com')
    const chat = await openFixture(m, 'web.whatsapp.com')
    const slack = await openFixture(m, 'app.slack.com')
    const session = await ctl.start()
    const send = (page: Page, title: string, body: string, tag = `rq-${Math.random()}`) =>
      notify(page, { title, body, tag })
    // Estudio Álvarez: three mails from Lucía in a row (one burst), then its WhatsApp group, where
    // Lucía and Tomás take turns (three bursts of one).
    for (const body of ['Planos de la cocina', 'La encimera, de cuarzo', '¿Hablamos mañana?'])
      await send(mail, 'Lucía Álvarez', body)
    await send(chat, 'Reforma Calle Mayor', 'Lucía Álvarez: Llegan las baldosas', GROUP)
    await send(chat, 'Reforma Calle Mayor', 'Tomás Álvarez: Aviso al fontanero', GROUP)
    await send(chat, 'Reforma Calle Mayor', 'Lucía Álvarez: Gracias', GROUP)
    // Ferretería Núñez: one mail. An unknown sender: two Slack messages (one burst).
    await send(mail, 'Carmen Núñez', 'Factura de marzo')
    await send(slack, 'Marta Gil', '¿Tienes un minuto?')
    await send(slack, 'Marta Gil', 'Es cortito')
    const held = async () =>
      (await ctl.captures()).filter((c) => c.sessionId === session.id && c.status === 'held')
    await expect.poll(async () => (await held()).length).toBe(9)
    expect((await held()).map((c) => c.clientId).sort()).toEqual([
      '',
      '',
      ...Array(6).fill('alvarez'),
      'nunez',
    ])
    await ctl.end()

    const review = await m.extensionPage(`${REVIEW}?session=${session.id}`)
    const list = review.getByRole('list', { name: 'Held notifications' })
    await expect.poll(() => list.getByRole('listitem').count()).toBe(12)
    const texts = (level: number) => list.getByRole('heading', { level }).allTextContents()
    expect(await texts(2)).toEqual([
      'Estudio Álvarez',
      'Ferretería Núñez',
      'Marta Gil unknown sender',
    ])
    expect(await texts(3)).toEqual(['Lucía Álvarez', 'Reforma Calle Mayor', 'Carmen Núñez'])
    const rowText = (text: string) =>
      list.getByRole('listitem').filter({ hasText: text }).first().textContent()
    expect(await rowText('Estudio Álvarez')).toContain('6 notifications · 2 conversations')
    expect(await rowText('Reforma Calle Mayor')).toContain('WhatsApp · 3 messages')
    const lucia = list.getByRole('button', { name: /^Lucía Álvarez · 3 messages · / })
    expect(await lucia.getAttribute('aria-expanded')).toBe('false')
    expect(await list.getByRole('button', { name: /^Marta Gil · 2 messages · / }).count()).toBe(1)
    await lucia.click()
    await expect.poll(() => list.getByText('La encimera, de cuarzo').count()).toBe(1)
    expect(await lucia.getAttribute('aria-expanded')).toBe('true')

    // A keyboard shortcut: End goes to the last row (Marta's burst), s snoozes it.
    const before = Date.now()
    await review.keyboard.press('End')
    await expect
      .poll(() => review.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Marta Gil · 2 messages')
    await review.keyboard.press('s')
    await expect.poll(() => review.getByText(/^Snoozed 2 notifications until /).count()).toBe(1)
    await expect.poll(() => list.getByText('Es cortito').count()).toBe(0)
    const marta = (await held()).filter((c) => c.sender === 'Marta Gil')
    expect(marta).toHaveLength(2)
    for (const c of marta) expect(c.snoozeUntil ?? 0).toBeGreaterThan(before)
    expect(await review.getByRole('button', { name: 'Snoozed (2)' }).count()).toBe(1)

    // Mark all done for a client, then for everything left that is shown.
    await review.getByRole('button', { name: 'Mark all from Estudio Álvarez done' }).click()
    await expect
      .poll(async () => (await held()).filter((c) => c.clientId === 'alvarez').length)
      .toBe(0)
    await expect.poll(() => texts(2)).toEqual(['Ferretería Núñez'])
    await review.getByRole('button', { name: 'Mark all shown done' }).click()
    await review.getByRole('button', { name: 'Mark done', exact: true }).click()
    await expect
      .poll(async () => (await held()).map((c) => c.sender))
      .toEqual(['Marta Gil', 'Marta Gil'])
    await expect.poll(() => review.getByText('Nothing left from this block.').count()).toBe(1)
    await review.close()
    for (const p of [mail, chat, slack]) await p.close()
  })
})

const GROUP = '120363041234567890@g.us'

/** A client with no breakthrough option on. */
const client = (id: string, over: Partial<Client>): Client =>
  testClient(id, { name: id, keywords: false, repeat: null, channel: false, quota: 0, ...over })

const name = (value: string) => identity('name', value)

const RULES: Rules = {
  clients: [
    client('alvarez', {
      name: 'Estudio Álvarez',
      responseHours: 4,
      identities: [name('Lucía Álvarez'), name('Tomás Álvarez')],
    }),
    client('nunez', {
      name: 'Ferretería Núñez',
      colour: '#15803d',
      identities: [name('Carmen Núñez')],
    }),
  ],
  emergency: [],
  keywords: [...DEFAULT_KEYWORDS],
  emergencyChannel: '',
}
