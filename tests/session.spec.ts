// Focus sessions end to end: watched tabs are muted while one runs, and its end (early, from the
// popup's buttons, or by the alarm) gives exactly one digest, resets the quiet state and unmutes.
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Control, openControl, POPUP } from './harness/control'
import { recordNotifications, shownNotifications } from './harness/digest'
import { notify, openFixture, waitForShow } from './harness/fixture'
import { launchMargen, type Margen } from './harness/launch'
import { makeOtherExtension, type OtherExtension } from './harness/other-extension'
import { UNWATCHED_HOST } from './harness/server'

describe('focus session', () => {
  let m: Margen
  let ctl: Control
  let other: OtherExtension

  beforeAll(async () => {
    other = await makeOtherExtension()
    m = await launchMargen({ extraExtensions: [other.dir] })
    ctl = await openControl(m)
  })
  afterAll(async () => {
    await m?.close()
    await other?.dispose()
  })
  beforeEach(async () => {
    await ctl.clearNotifications()
    await recordNotifications(m)
  })
  afterEach(async () => {
    await ctl.end()
  })

  /** Holds `n` notifications from `sender` in `page` and waits until all are stored. */
  async function hold(page: Page, sender: string, n: number): Promise<void> {
    const run = `${sender}-${Date.now()}`
    for (let i = 0; i < n; i++)
      await notify(page, { title: sender, body: `#${i}`, tag: `${run}-${i}` })
    await ctl.capture((c) => c.tag === `${run}-${n - 1}` && c.status === 'held')
  }

  /** After a session's end: one digest, for that session, shown once, saying how many. */
  async function expectOneDigest(sessionId: string, text: string): Promise<void> {
    const id = `digest:${sessionId}`
    await expect.poll(() => ctl.notificationIds()).toEqual([id])
    const digests = (await shownNotifications(m)).filter((s) => s.id.startsWith('digest:'))
    expect(digests).toEqual([
      {
        id,
        title: 'Focus session over',
        message: expect.any(String),
        buttons: ['Review', 'Dismiss'],
      },
    ])
    expect(digests[0]?.message).toContain(text)
    await expect.poll(() => ctl.quiet()).toEqual({ quietUntil: 0 })
    expect(await ctl.active()).toBeUndefined()
    // The badge switches from this session's count to everything still waiting for review.
    const waiting = (await ctl.captures()).filter((c) => c.status === 'held').length
    await expect.poll(() => ctl.badge()).toBe(String(waiting))
  }

  /** Notifications are shown again once the session is over. */
  async function expectDelivered(page: Page): Promise<void> {
    const id = await notify(page, {
      title: 'After',
      body: 'the session',
      tag: `after-${Date.now()}`,
    })
    await waitForShow(page, id)
  }

  it('mutes watched tabs and unmutes only the ones Margen muted', async () => {
    const chat = await openFixture(m, 'web.whatsapp.com')
    const userMuted = await openFixture(m, 'app.slack.com')
    const [a, b] = await Promise.all([chat, userMuted].map((p) => ctl.tabIdOf(p)))
    // Margen cannot read an unwatched tab's URL: find its tab as the one that is new.
    const known = await ctl.tabIds()
    const unwatched = await openFixture(m, UNWATCHED_HOST)
    const [u, ...more] = (await ctl.tabIds()).filter((id) => !known.includes(id))
    expect(more).toEqual([])
    const muted = async (id: number) => (await ctl.tab(id)).mutedInfo
    const byOther = { muted: true, reason: 'extension', extensionId: other.id }
    const byUs = { muted: true, reason: 'extension', extensionId: m.extensionId }
    await other.setMuted(m.context, b!, true)
    expect(await muted(b!)).toMatchObject(byOther)

    await ctl.start()
    await expect.poll(() => muted(a!)).toMatchObject(byUs)
    expect(await muted(b!)).toMatchObject(byOther)
    expect(await muted(u!)).toMatchObject({ muted: false })
    // A watched site opened during the session is muted as it loads.
    const late = await openFixture(m, 'discord.com')
    const l = await ctl.tabIdOf(late)
    await expect.poll(() => muted(l)).toMatchObject(byUs)

    await ctl.end()
    await expect.poll(() => muted(a!)).toMatchObject({ muted: false })
    await expect.poll(() => muted(l)).toMatchObject({ muted: false })
    expect(await muted(b!)).toMatchObject(byOther)
    expect(await muted(u!)).toMatchObject({ muted: false })
    await other.setMuted(m.context, b!, false)
    for (const p of [chat, userMuted, unwatched, late]) await p.close()
  })

  it('ends early on ui/focus-end with one digest, then delivers again', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const slack = await openFixture(m, 'app.slack.com')
    const session = await ctl.start()
    await hold(gmail, 'Ana Ruiz', 2)
    await hold(slack, 'Luis Gil', 1)
    expect(await ctl.send({ type: 'ui/focus-end' })).toEqual({ ok: true })
    await expectOneDigest(session.id, '3 held from 2 senders: Ana Ruiz 2, Luis Gil 1')
    const ended = (await ctl.read('sessions')).find((s) => s.id === session.id)
    expect(ended).toMatchObject({ state: 'ended', endReason: 'user', digestAt: expect.any(Number) })
    expect(ended!.digestAt).toBeGreaterThan(0)
    // Ending again does nothing, and shows no second digest.
    expect(await ctl.send({ type: 'ui/focus-end' })).toEqual({ ok: true })
    expect((await shownNotifications(m)).filter((s) => s.id.startsWith('digest:'))).toHaveLength(1)
    await expectDelivered(gmail)
    await gmail.close()
    await slack.close()
  })

  it('starts and ends from the popup buttons', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const popup = await m.extensionPage(POPUP)
    const before = Date.now()
    await popup.getByRole('button', { name: 'Focus 25 min' }).click()
    await expect.poll(() => ctl.active()).toMatchObject({ state: 'active' })
    const session = (await ctl.active())!
    expect(session.endsAt - session.startedAt).toBe(25 * 60_000)
    expect(session.startedAt).toBeGreaterThanOrEqual(before)
    await expect.poll(() => ctl.quiet()).toEqual({ quietUntil: session.endsAt })
    await expect.poll(() => popup.getByText(/^Focus until/).count()).toBe(1)
    await hold(gmail, 'Ana Ruiz', 1)
    await popup.getByRole('button', { name: 'End now' }).click()
    await expectOneDigest(session.id, '1 held from 1 sender: Ana Ruiz 1')
    await expect.poll(() => popup.getByText('Open — notifications pass through').count()).toBe(1)
    await expectDelivered(gmail)
    await popup.close()
    await gmail.close()
  })

  it('ends by its alarm at the chosen time with one digest', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const t0 = Date.now()
    const session = await ctl.start({ until: t0 + 4_000 })
    await hold(gmail, 'Ana Ruiz', 1)
    await expect
      .poll(() => ctl.notificationIds(), { timeout: 70_000, interval: 250 })
      .toEqual([`digest:${session.id}`])
    console.info(`[session.spec] alarm digest ${Date.now() - t0} ms after start (ends at +4000)`)
    await expectOneDigest(session.id, '1 held from 1 sender: Ana Ruiz 1')
    const ended = (await ctl.read('sessions')).find((s) => s.id === session.id)
    expect(ended).toMatchObject({ state: 'ended', endReason: 'time', endedAt: session.endsAt })
    await expectDelivered(gmail)
    await gmail.close()
  }, 90_000)
})
