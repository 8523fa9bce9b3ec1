/**
 * The weekly schedule as stored and imported: blocks, working hours and the off-hours switch.
 * Times are minutes of the local day (0 = 00:00, 1439 = 23:59) in the system's time zone.
 *
 * Field errors carry a code as their message (see validate.ts), so that the UI can show them
 * from `_locales`. The schema checks each field on its own; rules between fields (overlapping
 * blocks, repeated ids, off-hours without working hours) are in `validateSchedule`, so that a
 * stored schedule that breaks one of them is still usable and can be repaired field by field.
 */
import { z } from 'zod'

export const LABEL_MAX = 60
export const BLOCKS_MAX = 100

export const MinuteOfDay = z.number().int().min(0).max(1439)
export const Weekday = z.number().int().min(0).max(6)

const endDiffers = (r: { start: number; end: number }) => r.end !== r.start
const ENDS_AT_START = { error: 'end-equals-start', path: ['end'] }

/**
 * A stretch of the day. An end before the start crosses midnight and ends the next day
 * (22:00–06:00); an end equal to the start is refused rather than read as 0 or 24 hours.
 */
export const TimeRange = z
  .object({ start: MinuteOfDay, end: MinuteOfDay })
  .refine(endDiffers, ENDS_AT_START)
export type TimeRange = z.infer<typeof TimeRange>

export const WeeklyBlock = z
  .object({
    id: z.string().min(1).max(64),
    label: z
      .string()
      .max(LABEL_MAX, 'label-too-long')
      .refine((s) => s.trim() !== '', 'label-empty'),
    /** 0 = Sunday … 6 = Saturday, as `Date#getDay`. The day an occurrence starts. */
    days: z
      .array(Weekday)
      .min(1, 'no-days')
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'duplicate-day'),
    start: MinuteOfDay,
    end: MinuteOfDay,
  })
  .refine(endDiffers, ENDS_AT_START)
export type WeeklyBlock = z.infer<typeof WeeklyBlock>

/** Index = weekday (0 = Sunday). `null`: not a working day. A range may cross midnight. */
export const WorkingHours = z.tuple([
  TimeRange.nullable(),
  TimeRange.nullable(),
  TimeRange.nullable(),
  TimeRange.nullable(),
  TimeRange.nullable(),
  TimeRange.nullable(),
  TimeRange.nullable(),
])
export type WorkingHours = z.infer<typeof WorkingHours>

export const Schedule = z.object({
  blocks: z.array(WeeklyBlock).max(BLOCKS_MAX),
  workingHours: WorkingHours,
  /** Time outside working hours is a quiet period. */
  offHours: z.boolean(),
})
export type Schedule = z.infer<typeof Schedule>

export const EMPTY_SCHEDULE: Schedule = {
  blocks: [],
  workingHours: [null, null, null, null, null, null, null],
  offHours: false,
}
