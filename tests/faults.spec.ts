// Faults (issue 6): the service worker stopped at each step of the capture path and of the
// digest, in a loop, with pause points the background has for tests (src/background/faults.ts);
// and a capture write failing for lack of space (a real quota, set through the DevTools protocol).
import { describe, expect, it } from 'vitest'
import { identity } from '../src/core/clients/testing'
import { DEFAULT_SETTINGS } from '../src/core/settings'
import { type Control, POPUP } from './harness/control'
import { eventsOf, notify, openFixture, QUIET_WAIT_MS, sleep, waitForShow } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'
import { armFault, waitForFault, workerControl } from './harness/worker'

/** Iterations per step; MARGEN_FAULT_LOOPS raises it for a longer soak. */
const LOOPS = Number(process.env.MARGEN_FAULT_LOOPS ?? 20)
/** The bridge gives up on a stopped worker after 0.2 + 1 + 3 s of retries. */
const RETRIES_DONE_MS = 5_000

describe('service worker stopped at every step', () => {
  let m: Margen
  let ctl: Control

  useMargen(async (margen, control) => {
    m = margen
    ctl = control
    // An emergency sender: its notifications are decided "deliver" during a block, on the same
    // pending path, so the loop covers both verdicts.
    const rules = { ...DEFAULT_SETTINGS.rules, emergency: [identity('name', 'Mamá', '')] }
    expect(await ctl.send({ type: 'ui/rules-save', rules })).toEqual({ ok: true })
  })

  for (const step of ['before-write', 'after-write'] as const) {
    it(`${step}: every capture is stored once, and shown exactly when it was not held`, async () => {
      const gmail = await openFixture(m, 'mail.google.com')
      const workers = await workerControl(m, gmail)
      const session = await ctl.start({ minutes: 60 })
      await expect.poll(() => ctl.quiet()).toEqual({ quietUntil: session.endsAt })
      const sent: { tag: string; id: number }[] = []
      const before = await ctl.counters()
      const started = Date.now()
      for (let i = 0; i < LOOPS; i++) {
        const tag = `${step}-${i}-${Date.now()}`
        await armFault(m, step)
        const title = i % 2 === 0 ? 'Ana Ruiz' : 'Mamá'
        const id = await notify(gmail, { title, body: `loop ${i}`, tag })
        await waitForFault(m, step)
        await workers.stopAll()
        sent.push({ tag, id })
        // The bridge's retry wakes the worker and stores (or finds) the capture.
        await ctl.capture((c) => c.tag === tag)
      }
      const perLoop = (Date.now() - started) / LOOPS
      await sleep(RETRIES_DONE_MS)

      const rows = (await ctl.captures()).filter((c) => c.tag.startsWith(`${step}-`))
      let held = 0
      for (const { tag, id } of sent) {
        const mine = rows.filter((c) => c.tag === tag)
        expect(mine, tag).toHaveLength(1)
        const shows = (await eventsOf(gmail, id)).filter((e) => e.type === 'show')
        if (mine[0]!.status === 'held') {
          held++
          expect(shows, `${tag} was held, yet shown`).toEqual([])
        } else {
          expect(mine[0]!.status).toBe('delivered')
          // onshow and the listener: one notification shown once.
          expect(shows, `${tag} was delivered`).toHaveLength(2)
        }
      }
      // In a block Ana (no client) is held and Mamá delivered: a stopped worker changes neither.
      expect(held).toBe(Math.ceil(LOOPS / 2))
      expect(rows).toHaveLength(LOOPS)
      const counters = await ctl.counters()
      const delta = (key: string) => (counters[key] ?? 0) - (before[key] ?? 0)
      // Stopped before the write, the retry stores it; after, the retry finds the stored row.
      const retried = { stored: delta('capture:retry-stored'), new: delta('capture:retry-new') }
      expect(retried).toEqual(
        step === 'before-write' ? { stored: 0, new: LOOPS } : { stored: LOOPS, new: 0 },
      )
      console.info(
        `[faults] ${step}: ${LOOPS} stops, ${rows.length} rows, ${held} held, ` +
          `${LOOPS - held} delivered, 0 lost, ${Math.round(perLoop)} ms per loop`,
      )
      await gmail.close()
    }, 180_000)
  }

  for (const step of ['before-digest', 'after-digest'] as const) {
    it(`${step}: every block ends with exactly one digest`, async () => {
      const gmail = await openFixture(m, 'mail.google.com')
      const workers = await workerControl(m, gmail)
      const started = Date.now()
      for (let i = 0; i < LOOPS; i++) {
        await ctl.clearNotifications()
        const session = await ctl.start({ minutes: 60 })
        const tag = `${step}-${i}-${Date.now()}`
        await notify(gmail, { title: 'Luis Gil', body: `loop ${i}`, tag })
        await ctl.capture((c) => c.tag === tag)
        await armFault(m, step)
        // Answered only by the worker that will be stopped: its reply never comes.
        void ctl.send({ type: 'ui/focus-end' }).catch(() => undefined)
        await waitForFault(m, step)
        await workers.stopAll()
        // A later event wakes the worker; it finds the digest due and shows it.
        expect(await ctl.send({ type: 'ui/focus-end' })).toEqual({ ok: true })
        await expect
          .poll(async () => (await ctl.read('sessions')).find((s) => s.id === session.id)?.digestAt)
          .toBeGreaterThan(0)
        expect(await ctl.notificationIds()).toEqual([`digest:${session.id}`])
        // Marked: waking a fresh worker again does not show it a second time.
        await ctl.clearNotifications()
        await workers.stopAll()
        expect(await ctl.send({ type: 'ui/focus-end' })).toEqual({ ok: true })
        await sleep(200)
        expect(await ctl.notificationIds()).toEqual([])
      }
      console.info(
        `[faults] ${step}: ${LOOPS} blocks, ${LOOPS} digests, ` +
          `${Math.round((Date.now() - started) / LOOPS)} ms per loop`,
      )
      await gmail.close()
    }, 240_000)
  }
})

const DAY = 24 * 60 * 60_000

describe('storage quota exceeded', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  /** Old captures written straight into the database, as months of use would leave them. */
  const seed = (rows: number, at: number, bodyLength: number) =>
    ctl.page.evaluate(
      ([n, when, size]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('margen')
          open.onsuccess = () => {
            const tx = open.result.transaction('captures', 'readwrite')
            const store = tx.objectStore('captures')
            for (let i = 0; i < (n as number); i++)
              store.add({
                at: (when as number) + i,
                sessionId: 'old',
                site: 'gmail',
                origin: 'https://mail.google.com',
                pageUrl: 'https://mail.google.com/',
                tabId: 1,
                frameId: 0,
                ref: `old-${i}`,
                api: 'ctor',
                title: 'Old sender',
                // Random text: the store compresses, and history is not all alike.
                body: Array.from(crypto.getRandomValues(new Uint8Array(size as number)), (b) =>
                  String.fromCharCode(33 + (b % 90)),
                ).join(''),
                tag: `seed-${when}-${i}`,
                icon: '',
                data: '',
                sender: 'Old sender',
                senderKey: 'gmail:old sender',
                verdict: 'hold',
                reason: 'block',
                status: 'done',
                clientId: '',
                idKind: 'name',
                idValue: 'Old sender',
                conversation: '',
                why: { rule: 'no-breakthrough' },
                keyword: '',
                urgent: 0,
                notUrgent: 0,
              })
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      [rows, at, bodyLength] as const,
    )

  it('delivers a capture it cannot store, tells the user, prunes by policy, then stores again', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const now = Date.now()
    // Retention is 30 days: the 40-day-old history goes first; the 10-day-old stays.
    await seed(300, now - 40 * DAY, 2000)
    await seed(100, now - 10 * DAY, 2000)
    const seeded = (await ctl.captures()).length
    await ctl.clearNotifications()
    const session = await ctl.start({ minutes: 60 })
    await expect.poll(() => ctl.quiet()).toEqual({ quietUntil: session.endsAt })

    // The write fails, and so does the retry after making room: delivered, not lost.
    await armFault(m, 'write-fails', 2)
    const lost = await notify(gmail, { title: 'Ana Ruiz', body: 'no room', tag: 'full-1' })
    await waitForShow(gmail, lost)
    expect((await eventsOf(gmail, lost)).filter((e) => e.type === 'show')).toHaveLength(2)
    await expect.poll(async () => (await ctl.counters())['store:not-stored-delivered']).toBe(1)
    const counters = await ctl.counters()
    expect(counters['store:write-failed']).toBe(1)
    expect(counters['store:room-made']).toBe(1)
    // Pruned by the retention policy: exactly the 300 rows past 30 days.
    const left = await ctl.captures()
    expect(left).toHaveLength(seeded - 300)
    expect(left.every((c) => c.at > now - 30 * DAY)).toBe(true)
    expect(left.some((c) => c.tag === 'full-1')).toBe(false)
    // Told: a notification, and the popup's notice.
    await expect.poll(() => ctl.notificationIds()).toEqual(['margen:storage-full'])
    const stored = await ctl.page.evaluate(() => chrome.storage.local.get('storageFull'))
    expect(stored.storageFull).toMatchObject({ pruned: 300 })
    const popup = await m.extensionPage(POPUP)
    const notice = popup.locator('.storage-full')
    await expect.poll(() => notice.textContent()).toContain('Margen ran out of storage space')
    expect(await notice.textContent()).toContain('(300 items)')

    // Once the write works again (the first try fails, the retry after the relief succeeds), the
    // capture is held and stored as usual, and the user is not notified a second time that day.
    await ctl.clearNotifications()
    await armFault(m, 'write-fails', 1)
    const again = await notify(gmail, { title: 'Ana Ruiz', body: 'room again', tag: 'full-2' })
    const row = await ctl.capture((c) => c.tag === 'full-2')
    expect(row).toMatchObject({ status: 'held', verdict: 'hold', sessionId: session.id })
    await expect.poll(async () => (await ctl.counters())['store:write-failed']).toBe(2)

    // And with no fault at all, capture is back to normal.
    const normal = await notify(gmail, { title: 'Ana Ruiz', body: 'normal', tag: 'full-3' })
    expect(await ctl.capture((c) => c.tag === 'full-3')).toMatchObject({ status: 'held' })
    await sleep(QUIET_WAIT_MS)
    expect(await eventsOf(gmail, again)).toEqual([])
    expect(await eventsOf(gmail, normal)).toEqual([])
    expect(await ctl.notificationIds()).toEqual([])
    expect((await ctl.counters())['store:not-stored-delivered']).toBe(1)

    // The notice goes when dismissed.
    await popup.getByRole('button', { name: 'Dismiss' }).first().click()
    await expect.poll(() => notice.count()).toBe(0)
    await expect
      .poll(() => ctl.page.evaluate(() => chrome.storage.local.get('storageFull')))
      .toEqual({})
    await popup.close()
    await gmail.close()
  }, 120_000)
})
