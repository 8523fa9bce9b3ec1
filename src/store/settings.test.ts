/**
 * The settings store never loses stored data to a repair: the original goes under a backup key in
 * the same transaction as the repaired settings, and the pages get a notice of what was repaired
 * until the user dismisses it. Migrated (older) settings are stored upgraded, also after a backup.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, Settings } from '../core/settings'
import { type MargenDb, openDb } from './db'
import {
  createSettingsStore,
  readSettingsNotice,
  SETTINGS_BACKUP_PREFIX,
  SETTINGS_KEY,
  SETTINGS_NOTICE_KEY,
} from './settings'

let db: MargenDb
let n = 0
const fresh = () => {
  db = openDb(`settings-${n++}-${Math.random()}`)
  return db
}
afterEach(async () => {
  await db.delete()
})

const block = { id: 'b1', label: 'Backoffice', days: [1], start: 540, end: 600 }
const backups = async () =>
  (await db.kv.toArray()).filter((r) => r.key.startsWith(SETTINGS_BACKUP_PREFIX))

describe('settings store repair', () => {
  it('stores nothing and shows no notice when the settings are fine or absent', async () => {
    const store = createSettingsStore(fresh(), () => 1000)
    expect((await store.readAndRepair()).repairs).toEqual([])
    expect(await db.kv.get(SETTINGS_KEY)).toBeUndefined()
    await store.write(DEFAULT_SETTINGS)
    expect((await store.readAndRepair()).repairs).toEqual([])
    expect(await backups()).toEqual([])
    expect(await readSettingsNotice(db)).toBeNull()
  })

  it('backs the original up, stores the repaired settings and a notice of the paths', async () => {
    const store = createSettingsStore(fresh(), () => 5000)
    const corrupt = {
      ...DEFAULT_SETTINGS,
      schedule: { ...DEFAULT_SETTINGS.schedule, blocks: [block, { ...block, id: 'b2', end: 540 }] },
      history: { retentionDays: 'forever', interruptionMinutes: 23 },
    }
    await db.kv.put({ key: SETTINGS_KEY, value: corrupt })
    const { settings, repairs } = await store.readAndRepair()
    expect(repairs.map((r) => r.path)).toEqual(['schedule.blocks.1', 'history.retentionDays'])
    expect(settings.schedule.blocks).toEqual([block])
    expect(settings.history.retentionDays).toBe(30)
    // Stored: the repaired settings, the original as it was, and the notice pointing to it.
    expect((await db.kv.get(SETTINGS_KEY))?.value).toEqual(settings)
    expect(await backups()).toEqual([{ key: `${SETTINGS_BACKUP_PREFIX}5000`, value: corrupt }])
    const notice = await readSettingsNotice(db)
    expect(notice).toEqual({ at: 5000, backupKey: `${SETTINGS_BACKUP_PREFIX}5000`, repairs })
    // Read again: nothing more to repair, no second backup, the notice stays.
    expect((await store.readAndRepair()).repairs).toEqual([])
    expect(await backups()).toHaveLength(1)
    // Dismissed: the notice goes, the backup stays.
    await store.dismissNotice()
    expect(await db.kv.get(SETTINGS_NOTICE_KEY)).toBeUndefined()
    expect(await backups()).toHaveLength(1)
  })

  it('stores migrated settings upgraded, with the old ones backed up and no notice', async () => {
    const store = createSettingsStore(fresh(), () => 7)
    const v1 = { version: 1, schedule: { ...DEFAULT_SETTINGS.schedule, blocks: [block] } }
    await db.kv.put({ key: SETTINGS_KEY, value: v1 })
    const loaded = await store.readAndRepair()
    expect(loaded).toMatchObject({ repairs: [], migrated: true })
    expect((await db.kv.get(SETTINGS_KEY))?.value).toEqual({
      ...DEFAULT_SETTINGS,
      schedule: v1.schedule,
    })
    expect(await backups()).toEqual([{ key: `${SETTINGS_BACKUP_PREFIX}7`, value: v1 }])
    expect(await readSettingsNotice(db)).toBeNull()
  })

  it('an update or a write over broken settings backs them up first', async () => {
    const store = createSettingsStore(fresh(), () => 100)
    await db.kv.put({ key: SETTINGS_KEY, value: 'garbage' })
    await store.update((s) => ({ ...s, unwatched: ['slack'] }))
    expect((await db.kv.get(SETTINGS_KEY))?.value).toEqual({
      ...DEFAULT_SETTINGS,
      unwatched: ['slack'],
    })
    expect(await backups()).toEqual([{ key: `${SETTINGS_BACKUP_PREFIX}100`, value: 'garbage' }])
    await db.kv.put({ key: SETTINGS_KEY, value: { ...DEFAULT_SETTINGS, unwatched: 'all' } })
    await store.write(DEFAULT_SETTINGS)
    // Same millisecond: a second backup, not one over the first.
    await store.readAndRepair()
    expect((await backups()).map((b) => b.key)).toEqual([
      `${SETTINGS_BACKUP_PREFIX}100`,
      `${SETTINGS_BACKUP_PREFIX}100-1`,
    ])
    // Both repairs are listed until dismissed, the newest first.
    expect((await readSettingsNotice(db))?.repairs.map((r) => r.path)).toEqual([
      'unwatched',
      '(settings)',
    ])
  })

  it('whatever JSON is stored: valid settings stored, the original kept, never a throw', async () => {
    const store = createSettingsStore(fresh(), () => 1)
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (stored) => {
        await db.kv.clear()
        await db.kv.put({ key: SETTINGS_KEY, value: stored })
        const { settings, repairs, migrated } = await store.readAndRepair()
        const now = (await db.kv.get(SETTINGS_KEY))?.value
        expect(Settings.safeParse(now).success).toBe(true)
        expect(now).toEqual(settings)
        if (repairs.length > 0 || migrated) {
          expect(await backups()).toEqual([{ key: `${SETTINGS_BACKUP_PREFIX}1`, value: stored }])
        } else expect(now).toEqual(stored)
        expect((await readSettingsNotice(db))?.repairs ?? []).toEqual(repairs)
      }),
      { numRuns: 200 },
    )
  }, 60_000)
})
