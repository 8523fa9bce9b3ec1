/**
 * Settings in the `kv` table. Reads repair what is broken (see core/settings) in memory; the
 * first write path to meet a stored value that needed repair or migration (start-up, or any
 * change) first copies the stored value, as it was, under a backup key, then stores the repaired
 * settings and, if anything was repaired, a notice the pages show until the user dismisses it.
 * So no stored data is lost to a repair. Every write bumps a small revision row, so the capture
 * path can tell cheaply whether its compiled rules are still current.
 */
import { type LoadedSettings, loadSettings, type Settings, SettingsNotice } from '../core/settings'
import type { MargenDb } from './db'
import { SETTINGS_KEY } from './names'

export { SETTINGS_KEY } from './names'
export const SETTINGS_REV_KEY = 'settings.rev'
/** The notice of the last repairs, until dismissed (core/settings SettingsNotice). */
export const SETTINGS_NOTICE_KEY = 'settings.notice'
/** Followed by the time of the repair: the stored value as it was before it. */
export const SETTINGS_BACKUP_PREFIX = 'settings.backup.'
/** At most this many repairs are listed in one notice (the backup keeps everything). */
const NOTICE_MAX = 200

export async function readSettings(db: MargenDb): Promise<LoadedSettings> {
  const row = await db.kv.get(SETTINGS_KEY)
  return loadSettings(row?.value)
}

/** The revision of the stored settings; NaN before the first write through the store. */
export async function settingsRev(db: MargenDb): Promise<number> {
  const value = (await db.kv.get(SETTINGS_REV_KEY))?.value
  return typeof value === 'number' ? value : Number.NaN
}

/** The notice to show, or null; a stored notice that does not parse is shown as none. */
export async function readSettingsNotice(db: MargenDb): Promise<SettingsNotice | null> {
  const parsed = SettingsNotice.safeParse((await db.kv.get(SETTINGS_NOTICE_KEY))?.value)
  return parsed.success ? parsed.data : null
}

export function createSettingsStore(db: MargenDb, now: () => number) {
  /** Inside a transaction on `kv`. */
  async function put(settings: Settings): Promise<void> {
    const rev = await settingsRev(db)
    await db.kv.put({ key: SETTINGS_KEY, value: settings })
    await db.kv.put({ key: SETTINGS_REV_KEY, value: Number.isNaN(rev) ? 1 : rev + 1 })
  }

  /**
   * Inside a transaction on `kv`: reads the stored settings and, if they had to be repaired or
   * migrated, backs the original up before storing the result (in the same transaction, so the
   * two go together or not at all), and records the repairs for the notice.
   */
  async function repairStored(): Promise<LoadedSettings & { backupKey: string | null }> {
    const row = await db.kv.get(SETTINGS_KEY)
    const loaded = loadSettings(row?.value)
    if (row === undefined || (loaded.repairs.length === 0 && !loaded.migrated))
      return { ...loaded, backupKey: null }
    const at = now()
    let backupKey = `${SETTINGS_BACKUP_PREFIX}${at}`
    // Two repairs in the same millisecond must not overwrite the first backup.
    for (let n = 1; await db.kv.get(backupKey); n++)
      backupKey = `${SETTINGS_BACKUP_PREFIX}${at}-${n}`
    await db.kv.put({ key: backupKey, value: row.value })
    await put(loaded.settings)
    if (loaded.repairs.length > 0) {
      // Repairs not yet dismissed stay listed, the newest first.
      const earlier = (await readSettingsNotice(db))?.repairs ?? []
      const notice: SettingsNotice = {
        at,
        backupKey,
        repairs: [...loaded.repairs, ...earlier].slice(0, NOTICE_MAX),
      }
      await db.kv.put({ key: SETTINGS_NOTICE_KEY, value: SettingsNotice.parse(notice) })
    }
    return { ...loaded, backupKey }
  }

  return {
    read: () => readSettings(db),
    /** Reads, and if anything had to be repaired or migrated, stores the result (see above). */
    readAndRepair: () => db.transaction('rw', db.kv, repairStored),
    /** Replaces the settings; a broken stored value is backed up first, as on any write. */
    write: (settings: Settings) =>
      db.transaction('rw', db.kv, async () => {
        await repairStored()
        await put(settings)
      }),
    /** Changes one part of the stored settings, leaving the rest as they are now; null: none. */
    update: (change: (current: Settings) => Settings | null) =>
      db.transaction('rw', db.kv, async () => {
        const { settings } = await repairStored()
        const next = change(settings)
        if (next) await put(next)
      }),
    /** The user read the notice: it goes; the backup stays. */
    dismissNotice: () => db.kv.delete(SETTINGS_NOTICE_KEY),
  }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>
