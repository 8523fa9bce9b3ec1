// History retention in the built extension: the daily alarm exists from the start, and when it
// fires it deletes the captures older than the retention days the user saved, and no others.
// Alarms cannot be made to fire early: the worker's real `alarms.onAlarm` event is dispatched
// with the alarm's name, which runs the listener the background registered.
import { describe, expect, it } from 'vitest'
import type { Control } from './harness/control'
import { notify, openFixture } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'
import { fireAlarm } from './harness/worker'

const DAY = 24 * 60 * 60_000

describe('retention', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  /** Moves a stored capture back in time (as if it had been captured then). */
  const backdate = (id: number, at: number) =>
    ctl.page.evaluate(
      ([key, when]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('margen')
          open.onsuccess = () => {
            const tx = open.result.transaction('captures', 'readwrite')
            const store = tx.objectStore('captures')
            const get = store.get(key as number)
            get.onsuccess = () => store.put({ ...get.result, at: when })
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      [id, at],
    )

  it('keeps a daily alarm', async () => {
    // The worker creates it at start-up, after reading (and perhaps repairing) the settings, so
    // on a busy machine it may not exist yet when the suite's first test runs.
    await expect
      .poll(() => m.sw.evaluate(() => chrome.alarms.get('retention')), { timeout: 10_000 })
      .toMatchObject({ name: 'retention', periodInMinutes: 24 * 60 })
  })

  it('deletes, when the alarm fires, exactly the captures older than the retention days', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const run = `r-${Date.now()}`
    for (const i of [0, 1, 2, 3])
      await notify(gmail, { title: 'Ana', body: `${i}`, tag: `${run}-${i}` })
    const rows = await Promise.all(
      [0, 1, 2, 3].map((i) => ctl.capture((c) => c.tag === `${run}-${i}`)),
    )
    const now = Date.now()
    await backdate(rows[0]!.id, now - 40 * DAY)
    await backdate(rows[1]!.id, now - 11 * DAY)
    await backdate(rows[2]!.id, now - 9 * DAY)
    expect(
      await ctl.send({ type: 'ui/history-save', retentionDays: 10, interruptionMinutes: 23 }),
    ).toEqual({ ok: true })

    await fireAlarm(m, { name: 'retention', periodInMinutes: 1440 })
    const ids = async () =>
      (await ctl.captures()).filter((c) => c.tag.startsWith(run)).map((c) => c.id)
    await expect.poll(ids).toEqual([rows[2]!.id, rows[3]!.id])
    // Then the kept past days are summarised for the insights page: 9 of them, the oldest with
    // the capture from 9 days ago in it.
    const summaries = async () => (await ctl.read('insightDays')).map((r) => r.count)
    await expect.poll(async () => (await summaries()).length).toBe(9)
    expect((await summaries())[0]).toBe(1)
    await gmail.close()
  })

  it('refuses a retention outside 1–3650 days and keeps the saved one', async () => {
    const before = (await ctl.read('kv')).find((r) => r.key === 'settings')?.value
    const reply = await ctl.send({
      type: 'ui/history-save',
      retentionDays: 0,
      interruptionMinutes: 23,
    })
    expect(reply).toMatchObject({
      ok: false,
      errors: [{ path: 'retentionDays', code: 'retention-days' }],
    })
    expect((await ctl.read('kv')).find((r) => r.key === 'settings')?.value).toEqual(before)
  })
})
