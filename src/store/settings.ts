/**
 * Settings in the `kv` table. Reads repair what is broken (see core/settings) and keep a copy of
 * the stored value they could not read, so that no stored data is lost to a repair.
 */
import { type LoadedSettings, loadSettings, type Settings } from '../core/settings'
import type { MargenDb } from './db'

export const SETTINGS_KEY = 'settings'
const BACKUP_PREFIX = 'settings.unreadable.'

export async function readSettings(db: MargenDb): Promise<LoadedSettings> {
  const row = await db.kv.get(SETTINGS_KEY)
  return loadSettings(row?.value)
}

export function createSettingsStore(db: MargenDb, now: () => number) {
  return {
    read: () => readSettings(db),
    /** Reads, and if anything had to be repaired, stores the repaired settings and a backup. */
    readAndRepair: () =>
      db.transaction('rw', db.kv, async () => {
        const row = await db.kv.get(SETTINGS_KEY)
        const loaded = loadSettings(row?.value)
        if (loaded.repairs.length > 0) {
          await db.kv.put({ key: `${BACKUP_PREFIX}${now()}`, value: row?.value })
          await db.kv.put({ key: SETTINGS_KEY, value: loaded.settings })
        }
        return loaded
      }),
    write: (settings: Settings) => db.kv.put({ key: SETTINGS_KEY, value: settings }),
  }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>
