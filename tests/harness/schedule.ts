import type { WeeklyBlock } from '../../src/core/schedule/schema'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings'
import { sleep } from './fixture'

export const MINUTE = 60_000

export interface Placed {
  block: WeeklyBlock
  /** `${block.id}@YYYY-MM-DD`: the id of the session, and of its digest. */
  occurrence: string
  start: number
  end: number
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The local date of an instant, as in occurrence ids. */
export function localDate(t: number): string {
  const d = new Date(t)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The start of the minute that holds `t`. */
export const minuteOf = (t: number) => Math.floor(t / MINUTE) * MINUTE

/** A weekly block on the weekday of `start` only, from `start` for `minutes` (1–1439). */
export function placeBlock(id: string, label: string, start: number, minutes: number): Placed {
  if (start % MINUTE !== 0) throw new Error('a block starts at a whole minute')
  const d = new Date(start)
  const from = d.getHours() * 60 + d.getMinutes()
  const end = start + minutes * MINUTE
  const to = new Date(end)
  return {
    block: {
      id,
      label,
      days: [d.getDay()],
      start: from,
      end: to.getHours() * 60 + to.getMinutes(),
    },
    occurrence: `${id}@${localDate(start)}`,
    start,
    end,
  }
}

/** Settings with these blocks only: no working hours, no off-hours. */
export function settingsWith(blocks: readonly WeeklyBlock[]): Settings {
  return {
    ...DEFAULT_SETTINGS,
    schedule: {
      blocks: [...blocks],
      workingHours: [null, null, null, null, null, null, null],
      offHours: false,
    },
  }
}

/**
 * Waits, if needed, so that at least `margin` ms remain in the current minute, and returns the
 * start of that minute: blocks placed from it then start (or are in force) as planned.
 */
export async function roomyMinute(margin: number): Promise<number> {
  const now = Date.now()
  const next = minuteOf(now) + MINUTE
  if (next - now < margin) await sleep(next - now + 200)
  return minuteOf(Date.now())
}

export async function sleepUntil(t: number): Promise<void> {
  const left = t - Date.now()
  if (left > 0) await sleep(left)
}
