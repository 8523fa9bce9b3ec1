/**
 * Validation errors next to their fields, and the summary at the top that links to them. The
 * errors and their text come from one context, so each field only names itself.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Schedule } from '../../core/schedule/schema'
import type { FieldError, ScheduleErrorCode } from '../../core/schedule/validate'
import { useApp } from '../app-context'
import {
  type ErrorForm,
  FieldErrorList,
  fieldState,
  focusControl,
  LinkedErrorSummary,
} from '../components/field-errors'
import type { I18n, MessageKey } from '../i18n'
import { errorsOf, fieldId, fieldOf } from './draft'
import { weekdayNames } from './weekdays'

const KEYS: Record<ScheduleErrorCode, MessageKey> = {
  'end-equals-start': 'opt_err_end_equals_start',
  'label-empty': 'opt_err_label_empty',
  'label-too-long': 'opt_err_label_too_long',
  'no-days': 'opt_err_no_days',
  'duplicate-day': 'opt_err_duplicate_day',
  'duplicate-id': 'opt_err_duplicate_id',
  overlap: 'opt_err_overlap',
  'off-hours-without-working-hours': 'opt_err_off_hours_without_working_hours',
  invalid: 'opt_err_invalid',
}

/** The error in the UI language; an overlap names the other block and the day. */
export function errorText(i18n: I18n, e: FieldError, schedule: Schedule): string {
  if (e.code === 'overlap') {
    const other = schedule.blocks[e.params?.other ?? -1]?.label ?? ''
    const day = weekdayNames(i18n.lang)[e.params?.day ?? -1] ?? ''
    return i18n.t('opt_err_overlap', other, day)
  }
  return i18n.t(KEYS[e.code])
}

export interface ErrorsValue {
  errors: readonly FieldError[]
  schedule: Schedule
}

export const ErrorsContext = createContext<ErrorsValue>({
  errors: [],
  schedule: {
    blocks: [],
    workingHours: [null, null, null, null, null, null, null],
    offHours: false,
  },
})

/** What the summary says a field belongs to: the block's name, or the weekday. */
function where(i18n: I18n, field: string, schedule: Schedule): string {
  const [head, index] = field.split('.')
  const n = Number(index)
  if (head === 'blocks') return schedule.blocks[n]?.label.trim() || i18n.t('opt_blockNumber', n + 1)
  if (head === 'workingHours') return weekdayNames(i18n.lang)[n] ?? ''
  return head === 'offHours' ? i18n.t('opt_offHoursTitle') : ''
}

function useScheduleErrors(): ErrorForm<FieldError> {
  const { i18n } = useApp()
  const { errors, schedule } = useContext(ErrorsContext)
  return {
    errors,
    fieldOf,
    fieldId,
    text: (e) => errorText(i18n, e, schedule),
    where: (field) => where(i18n, field, schedule),
  }
}

/** Attributes for a field's input: invalid, and described by its errors. */
export function useFieldState(field: string) {
  const { errors } = useContext(ErrorsContext)
  return fieldState(fieldId(field), errorsOf(errors, field).length > 0)
}

export function FieldErrors({ field }: { field: string }) {
  return <FieldErrorList form={useScheduleErrors()} field={field} />
}

/** Moves focus to a field, or to the nearest thing that can take it inside its group. */
export const focusField = (field: string) => focusControl(fieldId(field))

export function ErrorSummary({ id }: { id: string }) {
  return <LinkedErrorSummary form={useScheduleErrors()} id={id} level={2} onGo={focusField} />
}
