import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { testClient } from '../src/core/clients/testing'
import { DEFAULT_SETTINGS } from '../src/core/settings'
import { type Control, POPUP } from './harness/control'
import { notify, openFixture } from './harness/fixture'
import type { Margen } from './harness/launch'
import { minuteOf, placeBlock } from './harness/schedule'
import { useMargen } from './harness/suite'
import { workerControl } from './harness/worker'

const OPTIONS = 'src/ui/options/index.html'

/** Writes one kv row into the real 'margen' database, as a broken or older build might have. */
const putKv = (page: Page, key: string, value: unknown) =>
  page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('margen')
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const tx = req.result.transaction('kv', 'readwrite')
          tx.objectStore('kv').put({ key, value })
          tx.oncomplete = () => {
            req.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { key, value },
  )

describe('stored settings, corrupt or outdated', () => {
  let m: Margen
  let ctl: Control
  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  const kv = async (key: string) => (await ctl.read('kv')).find((r) => r.key === key)?.value
  const backups = async () =>
    (await ctl.read('kv')).filter((r) => r.key.startsWith('settings.backup.'))

  /** Stops the worker for real and wakes it with a harmless command: it starts up again. */
  async function restartWorker(page: Page) {
    const workers = await workerControl(m, page)
    await workers.stopAll()
    expect(await ctl.send({ type: 'ui/mark-done', ids: [2 ** 30] })).toMatchObject({ ok: true })
    await expect.poll(() => workers.statuses.at(-1)).toBe('running')
  }

  /**
   * A block in force now, for half an hour: holding proves the repaired settings work. Each test
   * has its own (ending a block after a test skips that occurrence for the rest of the day).
   */
  const nowBlock = (id: string) => placeBlock(id, 'Backoffice', minuteOf(Date.now()), 30)

  it('repairs corrupt settings with a backup, a notice in popup and options, and keeps working', async () => {
    const good = nowBlock('repaired')
    const acme = testClient('acme', {
      identities: [{ kind: 'name', value: 'Ana Ruiz', site: '' }],
    })
    const corrupt = {
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      schedule: {
        ...DEFAULT_SETTINGS.schedule,
        workingHours: [null, null, null, null, null, null, null],
        blocks: [good.block, { ...good.block, id: 'bad', label: 'Broken', start: 9999 }],
      },
      rules: { ...DEFAULT_SETTINGS.rules, clients: [{ ...acme, colour: 'not a colour' }] },
      history: { retentionDays: -1, interruptionMinutes: 23 },
    }
    const gmail = await openFixture(m, 'mail.google.com')
    await putKv(ctl.page, 'settings', corrupt)
    await restartWorker(gmail)

    // Stored: the original, untouched, under a backup key; the repaired settings; the notice.
    await expect.poll(() => kv('settings.notice')).toBeTruthy()
    const [backup, ...more] = await backups()
    expect(more).toEqual([])
    expect(backup?.value).toEqual(corrupt)
    const notice = (await kv('settings.notice')) as {
      backupKey: string
      repairs: { path: string }[]
    }
    expect(notice.backupKey).toBe(backup?.key)
    expect(notice.repairs.map((r) => r.path)).toEqual([
      'theme',
      'schedule.blocks.1',
      'rules.clients.0.colour',
      'history.retentionDays',
    ])
    expect(await kv('settings')).toMatchObject({
      schedule: { blocks: [good.block] },
      rules: { clients: [{ ...acme, colour: '#6b7280' }] },
      history: { retentionDays: 30, interruptionMinutes: 23 },
    })

    // Working: the block that survived is in force and holds; the client is still recognised.
    await expect.poll(async () => (await ctl.active())?.id).toBe(good.occurrence)
    const tag = `after-repair-${Date.now()}`
    await notify(gmail, { title: 'Ana Ruiz', body: 'hola', tag })
    const row = await ctl.capture((c) => c.tag === tag)
    expect(row).toMatchObject({ verdict: 'hold', reason: 'block', clientId: 'acme' })

    // Visible in the popup (short) and on the options page, in the user's words.
    const popup = await m.extensionPage(POPUP)
    const options = await m.extensionPage(OPTIONS)
    for (const page of [popup, options]) {
      const box = page.locator('[data-settings-notice]')
      await box.waitFor({ state: 'visible' })
      const text = (await box.textContent()) ?? ''
      expect(text).toContain('Some settings could not be read')
      expect(text).toContain('Block 2 (Broken): left out')
      expect(text).toContain('Client 1: reset to its default')
      expect(text).toContain('History: reset to its default')
      expect(text).toContain('All settings: unknown setting removed')
      expect(text).toContain(backup!.key)
    }
    // Dismissed on the options page: it goes there and, live, in the popup; the backup stays.
    await options.locator('[data-settings-notice] button').click()
    await options.locator('[data-settings-notice]').waitFor({ state: 'detached' })
    await popup.locator('[data-settings-notice]').waitFor({ state: 'detached' })
    expect(await kv('settings.notice')).toBeUndefined()
    expect((await backups()).map((b) => b.value)).toEqual([corrupt])

    // Another restart finds nothing to repair: no new backup, no notice.
    await restartWorker(gmail)
    await options.reload()
    await options.locator('main').waitFor()
    expect(await options.locator('[data-settings-notice]').count()).toBe(0)
    expect(await backups()).toHaveLength(1)
    for (const p of [popup, options, gmail]) await p.close()
  })

  it('upgrades settings stored by versions 1, 2 and 3, keeping them, with no notice', async () => {
    const good = nowBlock('upgraded')
    const schedule = { ...DEFAULT_SETTINGS.schedule, blocks: [good.block] }
    const acme = testClient('acme', { identities: [{ kind: 'name', value: 'Ana Ruiz', site: '' }] })
    const rules = { ...DEFAULT_SETTINGS.rules, clients: [acme], keywords: ['pronto'] }
    const shapes = [
      { version: 1, schedule },
      { version: 2, schedule, unwatched: ['slack'] },
      { version: 3, schedule, unwatched: ['teams'], rules },
    ]
    const gmail = await openFixture(m, 'mail.google.com')
    const before = (await backups()).length
    for (const [i, old] of shapes.entries()) {
      await putKv(ctl.page, 'settings', old)
      await restartWorker(gmail)
      await expect
        .poll(async () => (await kv('settings')) as { version: number })
        .toMatchObject({
          version: 4,
        })
      expect(await kv('settings')).toEqual({
        ...DEFAULT_SETTINGS,
        schedule,
        unwatched: old.unwatched ?? [],
        rules: old.rules ?? DEFAULT_SETTINGS.rules,
      })
      // The old value is kept as it was.
      expect((await backups()).at(-1)?.value).toEqual(old)
      expect(await backups()).toHaveLength(before + i + 1)
      expect(await kv('settings.notice')).toBeUndefined()
      // And it works: the block holds.
      await expect.poll(async () => (await ctl.active())?.id).toBe(good.occurrence)
      const tag = `v${old.version}-${Date.now()}`
      await notify(gmail, { title: 'Ana Ruiz', body: 'hola', tag })
      const row = await ctl.capture((c) => c.tag === tag)
      expect(row).toMatchObject({ verdict: 'hold', reason: 'block' })
      expect(row.clientId).toBe(old.version === 3 ? 'acme' : '')
    }
    const popup = await m.extensionPage(POPUP)
    await popup.locator('main').waitFor()
    expect(await popup.locator('[data-settings-notice]').count()).toBe(0)
    await popup.close()
    await gmail.close()
  })
})
