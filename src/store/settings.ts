/**
 * Settings in the `kv` table. Reads repair what is broken (see core/settings) and keep a copy of
 * the stored value they could not read, so that no stored data is lost to a repair. Every write
 * bumps a small revision row, so the capture path can tell cheaply whether its compiled rules
 * are still current.
 */
import { type LoadedSettings, loadSettings, type Settings } from '../core/settings'
import type { MargenDb } from './db'

export const SETTINGS_KEY = 'settings'
export const SETTINGS_REV_KEY = 'settings.rev'
const BACKUP_PREFIX = 'settings.unreadable.'

export async function readSettings(db: MargenDb): Promise<LoadedSettings> {
  const row = await db.kv.get(SETTINGS_KEY)
  return loadSettings(row?.value)
}

/** The revision of the stored settings; NaN before the first write through the store. */
export async function settingsRev(db: MargenDb): Promise<number> {
  const value = (await db.kv.get(SETTINGS_REV_KEY))?.value
  return typeof value === 'number' ? value : Number.NaN
}

export function createSettingsStore(db: MargenDb, now: () => number) {
  /** Inside a transaction on `kv`. */
  async function put(settings: Settings): Promise<void> {
    const rev = await settingsRev(db)
    await db.kv.put({ key: SETTINGS_KEY, value: settings })
    await db.kv.put({ key: SETTINGS_REV_KEY, value: Number.isNaN(rev) ? 1 : rev + 1 })
  }
  return {
    read: () => readSettings(db),
    /** Reads, and if anything had to be repaired, stores the repaired settings and a backup. */
    readAndRepair: () =>
      db.transaction('rw', db.kv, async () => {
        const row = await db.kv.get(SETTINGS_KEY)
        const loaded = loadSettings(row?.value)
        if (loaded.repairs.length > 0) {
          await db.kv.put({ key: `${BACKUP_PREFIX}${now()}`, value: row?.value })
          await put(loaded.settings)
        }
        return loaded
      }),
    write: (settings: Settings) => db.transaction('rw', db.kv, () => put(settings)),
    /** Changes one part of the stored settings, leaving the rest as they are now; null: none. */
    update: (change: (current: Settings) => Settings | null) =>
      db.transaction('rw', db.kv, async () => {
        const { settings } = await readSettings(db)
        const next = change(settings)
        if (next) await put(next)
      }),
  }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>
