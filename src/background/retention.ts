/**
 * History retention: a daily alarm deletes captures older than the settings' retentionDays. The
 * cutoff is read from the settings when the alarm fires, never remembered.
 */
import { pruneHistory } from '../store/retention'
import type { SettingsStore } from '../store/settings'
import type { BgDeps } from './ports'

export const RETENTION_ALARM = 'retention'

const DAY_MS = 24 * 60 * 60_000

export function createRetention({ browser, db, now }: BgDeps, settings: SettingsStore) {
  return {
    /** Makes sure the daily alarm exists; its first run comes a minute after install. */
    async schedule(): Promise<void> {
      if (await browser.alarms.get(RETENTION_ALARM)) return
      await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 })
    },
    /** Deletes what is older than the retention period; resolves with how many captures. */
    async prune(): Promise<number> {
      const { settings: current } = await settings.read()
      return pruneHistory(db, now() - current.history.retentionDays * DAY_MS)
    },
  }
}
