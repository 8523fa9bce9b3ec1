/**
 * History retention: a daily alarm deletes captures older than the settings' retentionDays. The
 * cutoff is read from the settings when the alarm fires, never remembered. The same alarm then
 * summarises the complete past days the insights page will read and has no summary for yet, so
 * that the first insights view of a day is as quick as the next ones.
 */
import { dayIn, LOCAL_ZONE } from '../core/insights/zone'
import { summarizeDays } from '../store/insights'
import { pruneHistory, pruneOldestDay } from '../store/retention'
import type { SettingsStore } from '../store/settings'
import type { BgDeps } from './ports'

export const RETENTION_ALARM = 'retention'

const DAY_MS = 24 * 60 * 60_000
/** The longest period the insights page shows. */
const INSIGHT_DAYS = 90

export function createRetention({ browser, db, now }: BgDeps, settings: SettingsStore) {
  return {
    /** Makes sure the daily alarm exists; its first run comes a minute after install. */
    async schedule(): Promise<void> {
      if (await browser.alarms.get(RETENTION_ALARM)) return
      await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 })
    },
    /**
     * Deletes what is older than the retention period, then summarises the kept past days that
     * have no summary; resolves with how many captures were deleted.
     */
    async prune(): Promise<number> {
      const { settings: current } = await settings.read()
      const cutoff = now() - current.history.retentionDays * DAY_MS
      const deleted = await pruneHistory(db, cutoff)
      const today = dayIn(LOCAL_ZONE, now())
      const first = Math.max(today - INSIGHT_DAYS, dayIn(LOCAL_ZONE, cutoff) + 1)
      const have = new Set(
        await db.insightDays.where('day').between(first, today, true, false).primaryKeys(),
      )
      const missing: number[] = []
      for (let day = first; day < today; day++) if (!have.has(day)) missing.push(day)
      await summarizeDays(db, LOCAL_ZONE, missing, today)
      return deleted
    },
    /**
     * Out of space: what the retention period allows first; if that frees nothing, the oldest
     * day of history the user is done with (never held captures, never the last day). Resolves
     * with how many captures were deleted.
     */
    async makeRoom(): Promise<number> {
      const { settings: current } = await settings.read()
      const deleted = await pruneHistory(db, now() - current.history.retentionDays * DAY_MS)
      return deleted > 0 ? deleted : pruneOldestDay(db, now() - DAY_MS)
    },
  }
}
