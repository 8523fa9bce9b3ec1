// Time in real Chromium: sleep across a period's end with its alarm lost, and a clock set back
// into a block that already ended. The worker reads the clock through `now: Date.now` taken at
// start-up (background/index.ts), so a test cannot move its clock; what a jump leaves behind is
// reproduced instead: alarms that never fired (cleared, with the worker stopped, while the end
// passes), and a stored occurrence that ended at instants still ahead of the real clock. The
// worker's time zone can be moved (through DevTools), so a zone change mid-block is real here.
// Clock jumps both ways are also driven with an injected clock in
// src/background/focus-machine.clock.test.ts.
import { describe, expect, it } from 'vitest'
import type { Control } from './harness/control'
import { recordNotifications, shownNotifications } from './harness/digest'
import { notify, openFixture, QUIET_WAIT_MS, sleep, waitForShow } from './harness/fixture'
import type { Margen } from './harness/launch'
import { MINUTE, minuteOf, placeBlock, settingsWith } from './harness/schedule'
import { useMargen } from './harness/suite'
import { fireAlarm, fireIdle, workerControl, workerTimeZone } from './harness/worker'

describe('clock and sleep', () => {
  let m: Margen
  let ctl: Control
  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  const session = async (id: string) => (await ctl.read('sessions')).find((s) => s.id === id)
  /** What a sleeping machine does to alarms: they do not fire while it sleeps. */
  const loseAlarms = async () =>
    (await m.worker()).evaluate(async () => {
      await chrome.alarms.clear('focus-end')
      await chrome.alarms.clear('focus-tick')
    })

  it('asleep across a session end, worker stopped: its start-up ends it, with one digest', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const workers = await workerControl(m, gmail)
    await ctl.clearNotifications()
    const started = await ctl.start({ until: Date.now() + 3_000 })
    const tag = `held-${Date.now()}`
    await notify(gmail, { title: 'Ana Ruiz', body: 'antes de dormir', tag })
    await ctl.capture((c) => c.tag === tag && c.status === 'held')
    await loseAlarms()
    await workers.stopAll()
    await sleep(started.endsAt - Date.now() + 1_000)
    // Nobody recomputed while "asleep": the session is still stored as running.
    expect(await session(started.id)).toMatchObject({ state: 'active' })

    // Wake-up: any event starts the worker, and start-up recomputes from the clock.
    expect(await ctl.send({ type: 'ui/mark-done', ids: [2 ** 30] })).toMatchObject({ ok: true })
    await expect.poll(() => ctl.notificationIds()).toEqual([`digest:${started.id}`])
    const ended = await session(started.id)
    expect(ended).toMatchObject({ state: 'ended', endedAt: started.endsAt, endReason: 'time' })
    expect(ended!.digestAt).toBeGreaterThan(started.endsAt)
    await expect.poll(() => ctl.quiet()).toEqual({ quietUntil: 0 })

    // The overdue alarm fires late and the idle "active" event comes too: no second digest.
    await recordNotifications(m)
    await fireAlarm(m, { name: 'focus-end', scheduledTime: started.endsAt })
    await fireIdle(m, 'active')
    await sleep(500)
    expect(await shownNotifications(m)).toEqual([])
    expect((await session(started.id))?.digestAt).toBe(ended!.digestAt)
    // Open again: a notification now goes straight through.
    const id = await notify(gmail, { title: 'Ana Ruiz', body: 'despierto', tag: `open-${tag}` })
    await waitForShow(gmail, id)
    await gmail.close()
  })

  it('asleep across a session end, worker running: the idle wake-up ends it, once', async () => {
    await ctl.clearNotifications()
    const started = await ctl.start({ until: Date.now() + 2_000 })
    await loseAlarms()
    await recordNotifications(m)
    await sleep(started.endsAt - Date.now() + 500)
    expect(await session(started.id)).toMatchObject({ state: 'active' })
    await fireIdle(m, 'active')
    await expect.poll(() => ctl.notificationIds()).toEqual([`digest:${started.id}`])
    expect(await session(started.id)).toMatchObject({ state: 'ended', endedAt: started.endsAt })
    // The lost tick comes back late, twice: nothing more.
    for (let i = 0; i < 2; i++) await fireAlarm(m, { name: 'focus-tick' })
    await sleep(500)
    expect((await shownNotifications(m)).map((s) => s.id)).toEqual([`digest:${started.id}`])
  })

  it('clock set back into a block that already ended: no session, no digest, nothing held', async () => {
    // A block in force now, whose occurrence already ended (with its digest) under a clock that
    // was hours ahead: it started, ended and was digested at instants still in the future.
    const placed = placeBlock('back', 'Backoffice', minuteOf(Date.now()), 20)
    await ctl.page.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('margen')
          req.onsuccess = () => {
            const tx = req.result.transaction('sessions', 'readwrite')
            tx.objectStore('sessions').put(row)
            tx.oncomplete = () => {
              req.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      {
        id: placed.occurrence,
        kind: 'block',
        label: 'Backoffice',
        state: 'ended',
        startedAt: placed.start,
        endsAt: placed.end,
        endedAt: placed.end,
        endReason: 'time',
        digestAt: placed.end + MINUTE,
      },
    )
    await ctl.clearNotifications()
    await recordNotifications(m)
    expect(
      await ctl.send({ type: 'ui/settings-save', settings: settingsWith([placed.block]) }),
    ).toEqual({ ok: true })
    await fireIdle(m, 'active')
    await fireAlarm(m, { name: 'focus-tick' })
    await sleep(500)
    expect(await ctl.active()).toBeUndefined()
    expect(await ctl.quiet()).toEqual({ quietUntil: 0 })
    expect(await shownNotifications(m)).toEqual([])
    expect((await ctl.read('sessions')).filter((s) => s.id === placed.occurrence)).toHaveLength(1)
    const gmail = await openFixture(m, 'mail.google.com')
    const id = await notify(gmail, { title: 'Ana Ruiz', body: 'hola', tag: `back-${Date.now()}` })
    await waitForShow(gmail, id, QUIET_WAIT_MS * 3)
    await ctl.send({ type: 'ui/settings-save', settings: settingsWith([]) })
    await gmail.close()
  })

  it('time zone changed mid-block: the block follows the new wall clock, and ends once', async () => {
    // Blocks are wall-clock times in the system's zone. The worker starts in UTC, and the block
    // runs from 90 minutes before now to 90 after, in UTC wall time.
    const zone = await workerTimeZone(m)
    try {
      await zone.set('UTC')
      const now = Date.now()
      const start = minuteOf(now) - 90 * MINUTE
      const end = start + 180 * MINUTE
      const wall = (t: number) => new Date(t).getUTCHours() * 60 + new Date(t).getUTCMinutes()
      const block = {
        id: 'tz',
        label: 'Zona',
        days: [new Date(start).getUTCDay()],
        start: wall(start),
        end: wall(end),
      }
      await recordNotifications(m)
      expect(await ctl.send({ type: 'ui/settings-save', settings: settingsWith([block]) })).toEqual(
        { ok: true },
      )
      await expect.poll(async () => (await ctl.active())?.endsAt).toBe(end)
      const running = (await ctl.active())!

      // One hour east (Etc/GMT-1 is UTC+1): the wall clock is an hour later, still inside the
      // block. The same session goes on; its end, 90 minutes ahead on the old wall clock, is now
      // an hour sooner.
      await zone.set('Etc/GMT-1')
      await fireAlarm(m, { name: 'focus-tick' })
      await expect.poll(async () => (await ctl.active())?.endsAt).toBe(end - 60 * MINUTE)
      expect((await ctl.active())?.id).toBe(running.id)
      expect(await shownNotifications(m)).toEqual([])

      // Three hours east: the block's hours are over on the new wall clock. It ends, with one
      // digest, and ticks after that change nothing.
      await zone.set('Etc/GMT-3')
      await fireAlarm(m, { name: 'focus-tick' })
      await expect.poll(() => ctl.active()).toBeUndefined()
      const ended = (await ctl.read('sessions')).find((r) => r.id === running.id)
      expect(ended).toMatchObject({ state: 'ended', endReason: 'time' })
      for (let i = 0; i < 2; i++) await fireAlarm(m, { name: 'focus-tick' })
      await sleep(500)
      expect(await ctl.active()).toBeUndefined()
      expect((await shownNotifications(m)).map((n) => n.id)).toEqual([`digest:${running.id}`])
      expect((await ctl.read('sessions')).filter((r) => r.id === running.id)).toHaveLength(1)
    } finally {
      await ctl.send({ type: 'ui/settings-save', settings: settingsWith([]) })
      await zone.close()
    }
  })
})
