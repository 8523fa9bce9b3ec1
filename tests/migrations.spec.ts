// The real 'margen' database in Chromium's IndexedDB, upgraded by the real service worker from
// each released schema. With the worker stopped (so that nothing holds the database open), an
// extension-origin page with no Margen script in it (the extension's manifest.json, shown as
// text) deletes 'margen' and builds it again as the old release did: a Dexie declared with only
// that release's versions (tests/fixtures/db), filled with the release's rows. Then the worker is
// woken, opens the database at the current version, upgrades it, and starts up on it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadSettings } from '../src/core/settings'
import {
  DB_FIXTURES,
  type DbFixture,
  expectedAfterUpgrade,
  sortLikeExpected,
} from './fixtures/db/fixtures'
import { openFixture } from './harness/fixture'
import { launchMargen, type Margen, REPO_ROOT } from './harness/launch'
import { workerControl } from './harness/worker'

const DEXIE_UMD = readFileSync(join(REPO_ROOT, 'node_modules/dexie/dist/dexie.js'), 'utf8')

type Row = Record<string, unknown>

/** Every table of 'margen' and its IndexedDB version, read with the raw API. */
const readAll = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ version: number; tables: Record<string, Row[]> }>((resolve, reject) => {
        const req = indexedDB.open('margen')
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const db = req.result
          const names = [...db.objectStoreNames]
          const tx = db.transaction(names, 'readonly')
          const reads = names.map((n) => [n, tx.objectStore(n).getAll()] as const)
          tx.oncomplete = () => {
            const tables = Object.fromEntries(reads.map(([n, r]) => [n, r.result as Row[]]))
            db.close()
            resolve({ version: db.version, tables })
          }
        }
      }),
  )

describe('upgrading the real margen database from each released schema', () => {
  let m: Margen
  let blank: Page
  let site: Page

  beforeAll(async () => {
    m = await launchMargen()
    site = await openFixture(m, 'mail.google.com')
    blank = await m.extensionPage('manifest.json')
    // The onboarding tab of the first install, and any other Margen page, would hold the
    // database open (and could open it at the current version themselves). The worker opens
    // onboarding once it has started up, which on a busy machine is after launch returns: it
    // opened mid-test and upgraded the rebuilt database. So wait for it before closing them.
    const onboarding = `chrome-extension://${m.extensionId}/src/ui/onboarding/index.html`
    await vi.waitFor(() => expect(m.context.pages().map((p) => p.url())).toContain(onboarding), {
      timeout: 30_000,
      interval: 100,
    })
    for (const p of m.context.pages())
      if (p !== blank && p.url().startsWith(`chrome-extension://${m.extensionId}/`)) await p.close()
    await blank.evaluate(DEXIE_UMD)
  })
  afterAll(async () => {
    await m?.close()
  })

  it.each(DB_FIXTURES)('from version $version, every row is kept', async (fixture: DbFixture) => {
    const workers = await workerControl(m, site)
    await workers.stopAll()
    const built = await blank.evaluate(
      async ({ fixture }) => {
        const D = (globalThis as unknown as { Dexie: typeof import('dexie').Dexie }).Dexie
        await D.delete('margen')
        const old = new D('margen')
        for (const v of fixture.stores) old.version(v.version).stores(v.stores)
        await old.open()
        for (const [table, rows] of Object.entries(fixture.rows))
          await old.table(table).bulkAdd(rows)
        const verno = old.verno
        old.close()
        return verno
      },
      { fixture },
    )
    expect(built).toBe(fixture.version)
    expect((await readAll(blank)).version).toBe(fixture.version * 10)

    // Wake the worker with a harmless command; at start-up it opens (and so upgrades) 'margen'.
    const reply = await blank.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'ui/mark-done', ids: [2 ** 30] }),
    )
    expect(reply).toEqual({ ok: true, changed: 0 })
    await expect.poll(async () => (await readAll(blank)).version).toBe(40)
    // Keep the daily retention alarm (made at start-up) from pruning these old rows mid-test.
    await (await m.worker()).evaluate(() => chrome.alarms.clear('retention'))
    // Start-up is done once the stored settings are the current version (they are migrated).
    const stored = fixture.rows.kv?.find((r) => r.key === 'settings')?.value
    if (stored !== undefined)
      await expect
        .poll(async () => (await readAll(blank)).tables.kv?.find((r) => r.key === 'settings'))
        .toEqual({ key: 'settings', value: loadSettings(stored).settings })

    const { tables } = await readAll(blank)
    const expected = expectedAfterUpgrade(fixture)
    expect(Object.keys(tables).sort()).toEqual(
      ['captures', 'counters', 'insightDays', 'kv', 'sessions'].sort(),
    )
    // Captures and counters: exactly the old rows, with the v3 fields filled where they lacked.
    expect(sortLikeExpected('captures', tables.captures!)).toEqual(expected.captures)
    expect(sortLikeExpected('counters', tables.counters!)).toEqual(expected.counters)
    // Sessions: every old one is there. Start-up ran the focus machine on them: one that was
    // still active in the old database (its end long past) is ended at its scheduled end, once.
    for (const old of expected.sessions!) {
      const now = tables.sessions!.find((s) => s.id === old.id)
      if (old.state === 'active') {
        expect(now).toEqual({
          ...old,
          digestAt: expect.any(Number),
          state: 'ended',
          endedAt: old.endsAt,
          endReason: 'time',
        })
        expect(now?.digestAt).toBeGreaterThan(0)
      } else expect(now).toEqual(old)
    }
    // Settings: the old value kept as it was under a backup key, the current one migrated; the
    // other values as they were.
    const kv = tables.kv!
    const backups = kv.filter((r) => String(r.key).startsWith('settings.backup.'))
    expect(backups.map((b) => b.value)).toEqual(stored === undefined ? [] : [stored])
    for (const old of expected.kv!)
      if (old.key === 'settings.rev')
        expect(kv).toContainEqual({ ...old, value: (old.value as number) + 1 })
      else if (old.key !== 'settings') expect(kv).toContainEqual(old)
  })
})
