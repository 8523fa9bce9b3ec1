/**
 * The schedule being edited, as plain helpers over `Schedule`: times for `<input type="time">`,
 * new blocks, and where each validation error belongs. Pure; see draft.test.ts.
 */
import { parseCodedErrors } from '../../core/field-errors'
import type { Schedule, WeeklyBlock } from '../../core/schedule/schema'
import type { FieldError } from '../../core/schedule/validate'
import { SCHEDULE_ERRORS } from '../../core/schedule/validate'

/** 540 → "09:00"; anything else (NaN from a cleared input) → "". */
export function toInput(minute: number): string {
  if (!Number.isInteger(minute) || minute < 0 || minute > 1439) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`
}

/** "09:00" (or "09:00:30") → 540; "" → NaN, which validation reports as an invalid time. */
export function fromInput(value: string): number {
  const match = /^(\d{2}):(\d{2})/.exec(value)
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN
}

export const MON_TO_FRI = [1, 2, 3, 4, 5]

/** A new block after the last one (09:00–11:00 for the first), Monday to Friday. */
export function newBlock(blocks: readonly WeeklyBlock[], label: string, id: string): WeeklyBlock {
  const last = blocks[blocks.length - 1]
  const start = last && Number.isInteger(last.end) ? last.end : 9 * 60
  return { id, label, days: [...MON_TO_FRI], start, end: (start + 120) % 1440 }
}

export const newId = (now: number) =>
  `b${now.toString(36)}${Math.random().toString(36).slice(2, 6)}`

/**
 * The field an error is shown next to: `blocks.2.days.0` → `blocks.2.days`; a rule between
 * blocks (`blocks.2`, overlap) or a repeated id goes on the block; unknown paths go to ''.
 */
export function fieldOf(path: string): string {
  const parts = path.split('.')
  const [head, index, field] = parts
  if (head === 'blocks' && index !== undefined) {
    return field && ['label', 'days', 'start', 'end'].includes(field)
      ? `blocks.${index}.${field}`
      : `blocks.${index}`
  }
  if (head === 'workingHours' && index !== undefined)
    return field === 'start' || field === 'end'
      ? `workingHours.${index}.${field}`
      : `workingHours.${index}`
  return head === 'offHours' ? 'offHours' : ''
}

/** The element id of a field, for links from the error summary. */
export const fieldId = (field: string) => `field-${field.replaceAll('.', '-') || 'schedule'}`

export const errorsOf = (errors: readonly FieldError[], field: string) =>
  errors.filter((e) => fieldOf(e.path) === field)

/** The background's `errors`, kept only when they look like FieldErrors with a known code. */
export const parseErrors = (raw: unknown): FieldError[] => parseCodedErrors(SCHEDULE_ERRORS, raw)

export const sameSchedule = (a: Schedule, b: Schedule) => JSON.stringify(a) === JSON.stringify(b)
