import { describe, expect, it } from 'vitest'
import type { Control } from './harness/control'
import { recordNotifications, shownNotifications } from './harness/digest'
import { eventsOf, notify, openFixture, QUIET_WAIT_MS, sleep, swDisplayed } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'
import { workerControl } from './harness/worker'

describe('service worker stopped mid-session', () => {
  let m: Margen
  let ctl: Control

  useMargen(
    (margen, control) => {
      m = margen
      ctl = control
    },
    { endAfterEach: false },
  )

  it('still holds, wakes the worker, stores the capture, and ends with one digest', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const workers = await workerControl(m, gmail)
    await ctl.clearNotifications()
    const session = await ctl.start()
    await expect.poll(() => ctl.quiet()).toEqual({ quietUntil: session.endsAt })

    await workers.stopAll()
    const run = Date.now()
    const id = await notify(gmail, { title: 'Ana Ruiz', body: 'while stopped', tag: `ctor-${run}` })
    const swId = await notify(gmail, { title: 'Ana Ruiz', body: 'sw', tag: `sw-${run}`, via: 'sw' })
    const row = await ctl.capture((c) => c.tag === `ctor-${run}`)
    const swRow = await ctl.capture((c) => c.tag === `sw-${run}`)
    expect(workers.statuses).toContain('running')
    for (const r of [row, swRow]) {
      expect(r).toMatchObject({ verdict: 'hold', reason: 'block', status: 'held' })
      expect(r.sessionId).toBe(session.id)
    }
    await sleep(QUIET_WAIT_MS)
    expect(await eventsOf(gmail, id)).toEqual([])
    expect(await eventsOf(gmail, swId)).toEqual([{ id: swId, type: 'show', how: 'promise' }])
    expect(await swDisplayed(gmail, `sw-${run}`)).toBe(0)
    await expect.poll(() => ctl.badge()).toBe('2')

    // Stop it once more, and end the session from a cold start.
    await workers.stopAll()
    expect(await ctl.send({ type: 'ui/focus-end' })).toEqual({ ok: true })
    await expect.poll(() => ctl.notificationIds()).toEqual([`digest:${session.id}`])
    await expect.poll(() => ctl.quiet()).toEqual({ quietUntil: 0 })

    // The digest was shown once: waking the worker again (it reconciles at every start) does not
    // show it a second time.
    await ctl.clearNotifications()
    await workers.stopAll()
    expect(await ctl.send({ type: 'ui/focus-end' })).toEqual({ ok: true })
    await expect.poll(() => workers.statuses.at(-1)).toBe('running')
    await sleep(500)
    expect(await ctl.notificationIds()).toEqual([])
    const ended = (await ctl.read('sessions')).find((s) => s.id === session.id)
    expect(ended).toMatchObject({ state: 'ended', endReason: 'user' })
    expect(ended!.digestAt).toBeGreaterThan(0)
    await gmail.close()
  })

  it('shows the digest text with the count when ended after a restart', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const workers = await workerControl(m, gmail)
    await ctl.clearNotifications()
    const session = await ctl.start()
    await workers.stopAll()
    const tag = `t-${Date.now()}`
    await notify(gmail, { title: 'Luis Gil', body: 'after restart', tag })
    await ctl.capture((c) => c.tag === tag)
    await recordNotifications(m)
    expect(await ctl.send({ type: 'ui/focus-end' })).toEqual({ ok: true })
    await expect.poll(() => ctl.notificationIds()).toEqual([`digest:${session.id}`])
    const shown = (await shownNotifications(m)).filter((s) => s.id.startsWith('digest:'))
    expect(shown).toEqual([
      {
        id: `digest:${session.id}`,
        title: 'Focus session over',
        message: expect.any(String),
        buttons: ['Review', 'Dismiss'],
      },
    ])
    expect(shown[0]?.message).toContain('1 held from 1 sender: Luis Gil 1')
    await gmail.close()
  })

  it('ends by its alarm while the worker is stopped: the alarm wakes it for the digest', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const workers = await workerControl(m, gmail)
    await ctl.clearNotifications()
    const session = await ctl.start({ until: Date.now() + 4_000 })
    const tag = `alarm-${Date.now()}`
    await notify(gmail, { title: 'Ana Ruiz', body: 'before the alarm', tag })
    await ctl.capture((c) => c.tag === tag)
    await workers.stopAll()
    await expect
      .poll(() => ctl.notificationIds(), { timeout: 70_000, interval: 250 })
      .toEqual([`digest:${session.id}`])
    expect(workers.statuses).toContain('running')
    const ended = (await ctl.read('sessions')).find((s) => s.id === session.id)
    expect(ended).toMatchObject({ state: 'ended', endReason: 'time', endedAt: session.endsAt })
    expect(await ctl.quiet()).toEqual({ quietUntil: 0 })
    await gmail.close()
  }, 90_000)
})
