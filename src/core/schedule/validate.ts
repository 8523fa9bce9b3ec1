/**
 * Checks a schedule from the options page or an import, and says what is wrong field by field:
 * `path` names the field (`blocks.2.end`), `code` picks the `_locales` message, `message` is the
 * English text for logs and tests.
 */
import { type CodedError, checkFields, codedError } from '../field-errors'
import { Schedule, type Schedule as ScheduleType, type WeeklyBlock } from './schema'

export const SCHEDULE_ERRORS = {
  'end-equals-start': 'The end must differ from the start',
  'label-empty': 'Give the block a name',
  'label-too-long': 'Use at most 60 characters',
  'no-days': 'Choose at least one day',
  'duplicate-day': 'A day is listed twice',
  'duplicate-id': 'Another block has the same id',
  overlap: 'Overlaps another block',
  'off-hours-without-working-hours': 'Set working hours on at least one day to use off-hours',
  invalid: 'Invalid value',
} as const
export type ScheduleErrorCode = keyof typeof SCHEDULE_ERRORS

/**
 * `path`: a whole block is `blocks.2`, the schedule itself ``. overlap: `params.other` (index of
 * the other block) and `params.day` (weekday, 0 = Sunday).
 */
export type FieldError = CodedError<ScheduleErrorCode>

export type ScheduleCheck =
  | { ok: true; schedule: ScheduleType }
  | { ok: false; errors: FieldError[] }

const WEEK = 7 * 1440

/** A block's occurrences as minutes of the week (Sunday 00:00 = 0), wrapping Saturday night. */
export function weekMinutes(b: Pick<WeeklyBlock, 'days' | 'start' | 'end'>): [number, number][] {
  const out: [number, number][] = []
  for (const d of b.days) {
    const start = d * 1440 + b.start
    const end = d * 1440 + b.end + (b.end < b.start ? 1440 : 0)
    if (end <= WEEK) out.push([start, end])
    else out.push([start, WEEK], [0, end - WEEK])
  }
  return out
}

/** The weekday where two blocks first overlap, or null. Touching (one ends, one starts) is fine. */
export function overlapDay(a: WeeklyBlock, b: WeeklyBlock): number | null {
  let first: number | null = null
  for (const [s1, e1] of weekMinutes(a))
    for (const [s2, e2] of weekMinutes(b)) {
      const from = Math.max(s1, s2)
      if (from < Math.min(e1, e2) && (first === null || from < first)) first = from
    }
  return first === null ? null : Math.floor(first / 1440)
}

/** Rules between fields, on a schedule whose fields are each valid. */
export function scheduleErrors(s: ScheduleType): FieldError[] {
  const errors: FieldError[] = []
  const err = (path: string, code: ScheduleErrorCode, params?: Record<string, number>) =>
    errors.push(codedError(SCHEDULE_ERRORS, path, code, params))
  s.blocks.forEach((a, i) => {
    s.blocks.forEach((b, j) => {
      if (i === j) return
      if (a.id === b.id) err(`blocks.${i}.id`, 'duplicate-id', { other: j })
      const day = overlapDay(a, b)
      if (day !== null) err(`blocks.${i}`, 'overlap', { other: j, day })
    })
  })
  if (s.offHours && s.workingHours.every((r) => r === null))
    err('offHours', 'off-hours-without-working-hours')
  return errors
}

/** Parses and checks a schedule: every error at once, each on its field. */
export function validateSchedule(input: unknown): ScheduleCheck {
  const check = checkFields(Schedule, SCHEDULE_ERRORS, scheduleErrors, input)
  return check.ok ? { ok: true, schedule: check.value } : check
}
