/**
 * What is quiet now, from the stored schedule, the manual session and the periods already ended.
 * Read fresh at every call: the worker may have slept through any number of boundaries.
 */
import { z } from 'zod'
import type { QuietPeriod } from '../core/decide'
import { nextBoundary, type QuietOptions, quietAt } from '../core/schedule'
import type { Schedule } from '../core/schedule/schema'
import type { MargenDb } from '../store/db'
import { createSessionStore } from '../store/sessions'
import { readSettings } from '../store/settings'

export const MANUAL_KEY = 'manual'

export const ManualSession = z.object({
  id: z.string().min(1),
  startedAt: z.number(),
  until: z.number(),
})
export type ManualSession = z.infer<typeof ManualSession>

/** Ended periods are looked up this far back: the longest a period can be skipped for. */
const SKIP_MEMORY_MS = 9 * 24 * 60 * 60_000

export interface QuietNow {
  schedule: Schedule
  /** Sites the user chose not to watch. */
  unwatched: ReadonlySet<string>
  manual: ManualSession | null
  opts: QuietOptions
  /** The period in force; `until` is when quiet stops (the whole stretch). */
  quiet: QuietPeriod | null
  /** When the period in force ends or the next one begins (null: never). */
  next: number | null
}

export async function quietNow(db: MargenDb, at: number): Promise<QuietNow> {
  const { settings } = await readSettings(db)
  const stored = ManualSession.safeParse((await db.kv.get(MANUAL_KEY))?.value)
  const manual = stored.success && stored.data.until > at ? stored.data : null
  const skipped = await createSessionStore(db).endedSince(at - SKIP_MEMORY_MS)
  const opts: QuietOptions = { skipped, manual }
  const schedule = settings.schedule
  return {
    schedule,
    unwatched: new Set(settings.unwatched),
    manual,
    opts,
    quiet: quietAt(schedule, at, opts),
    next: nextBoundary(schedule, at, opts),
  }
}

export function labelOf(schedule: Schedule, id: string): string | undefined {
  const blockId = id.split('@')[0]
  return schedule.blocks.find((b) => b.id === blockId)?.label
}
