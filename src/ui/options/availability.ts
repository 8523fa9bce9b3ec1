/**
 * "Share your availability": a short text, in English or Spanish, saying when the user answers
 * messages, for a client email or a chat status. Pure; see availability.test.ts.
 *
 * The text is in the language the user picks for their clients, which need not be the UI
 * language, so its phrases live here rather than in `_locales` (chrome.i18n only serves the UI
 * language).
 */

import type { Schedule } from '../../core/schedule/schema'
import { weekMinutes } from '../../core/schedule/validate'

export type TextLang = 'en' | 'es'
/** [start, end) in minutes from the start of the day; end may pass 1440 (crosses midnight). */
export type Window = readonly [number, number]

const DAY = 1440
const WEEK = 7 * DAY
/** Monday first, as people say it; values are `Date#getDay` weekdays. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const

/** Working hours of `weekday` minus every block occurrence (blocks on other days too). */
export function openWindows(schedule: Schedule, weekday: number): Window[] {
  const hours = schedule.workingHours[weekday]
  if (!hours) return []
  const base = weekday * DAY
  let open: [number, number][] = [
    [base + hours.start, base + hours.end + (hours.end < hours.start ? DAY : 0)],
  ]
  // Occurrences near the week's wrap are shifted by a week so Sunday night meets Monday.
  const busy = schedule.blocks
    .flatMap((b) => weekMinutes(b))
    .flatMap(([s, e]) => [
      [s - WEEK, e - WEEK] as const,
      [s, e] as const,
      [s + WEEK, e + WEEK] as const,
    ])
  for (const [bs, be] of busy) {
    open = open.flatMap(([s, e]): [number, number][] => {
      if (be <= s || bs >= e) return [[s, e]]
      const parts: [number, number][] = []
      if (bs > s) parts.push([s, bs])
      if (be < e) parts.push([be, e])
      return parts
    })
  }
  return open.map(([s, e]) => [s - base, e - base] as const)
}

export interface DayGroup {
  /** Weekdays in WEEK_ORDER. */
  days: number[]
  windows: Window[]
}

/** Days with the same open windows, in week order; days with none are left out. */
export function groupDays(schedule: Schedule): DayGroup[] {
  const groups = new Map<string, DayGroup>()
  for (const day of WEEK_ORDER) {
    const windows = openWindows(schedule, day)
    if (windows.length === 0) continue
    const key = JSON.stringify(windows)
    const group = groups.get(key)
    if (group) group.days.push(day)
    else groups.set(key, { days: [day], windows })
  }
  return [...groups.values()]
}

/** Runs of days that follow each other in week order: [[1,2,3,4,5], [0]]. */
export function dayRuns(days: readonly number[]): number[][] {
  const runs: number[][] = []
  for (const day of days) {
    const last = runs[runs.length - 1]
    const prev = last?.[last.length - 1]
    if (
      last &&
      prev !== undefined &&
      WEEK_ORDER.indexOf(day as 0) === WEEK_ORDER.indexOf(prev as 0) + 1
    )
      last.push(day)
    else runs.push([day])
  }
  return runs
}
