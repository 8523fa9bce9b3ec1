/** Working hours per weekday (on/off, start, end), and the off-hours switch with what it does. */
import type { Schedule, TimeRange } from '../../core/schedule/schema'
import { useApp } from '../app-context'
import { fromInput, toInput } from './draft'
import { FieldErrors, useFieldState } from './field-errors'
import { DISPLAY_ORDER, weekdayNames } from './weekdays'

const DEFAULT_DAY: TimeRange = { start: 9 * 60, end: 18 * 60 }

interface Props {
  schedule: Schedule
  onChange: (schedule: Schedule) => void
}

export function WorkingHours({ schedule, onChange }: Props) {
  const { i18n } = useApp()
  const names = weekdayNames(i18n.lang)
  const setDay = (day: number, range: TimeRange | null) => {
    const hours = [...schedule.workingHours] as Schedule['workingHours']
    hours[day] = range
    onChange({ ...schedule, workingHours: hours })
  }
  const off = useFieldState('offHours')
  return (
    <>
      <table class="hours">
        <caption class="visually-hidden">{i18n.t('opt_hoursHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('opt_day')}</th>
            <th scope="col">{i18n.t('opt_working')}</th>
            <th scope="col">{i18n.t('opt_start')}</th>
            <th scope="col">{i18n.t('opt_end')}</th>
          </tr>
        </thead>
        <tbody>
          {DISPLAY_ORDER.map((d) => (
            <DayRow
              key={d}
              day={d}
              name={names[d] ?? ''}
              range={schedule.workingHours[d] ?? null}
              set={setDay}
            />
          ))}
        </tbody>
      </table>
      <div class="switch-row">
        <label class="switch">
          <input
            {...off}
            type="checkbox"
            checked={schedule.offHours}
            aria-describedby={`offhours-help${off['aria-describedby'] ? ` ${off['aria-describedby']}` : ''}`}
            onChange={(e) => onChange({ ...schedule, offHours: e.currentTarget.checked })}
          />
          <span>{i18n.t('opt_offHoursTitle')}</span>
        </label>
        <p id="offhours-help" class="hint">
          {i18n.t('opt_offHoursHelp')}
        </p>
        <FieldErrors field="offHours" />
      </div>
    </>
  )
}

interface RowProps {
  day: number
  name: string
  range: TimeRange | null
  set: (day: number, range: TimeRange | null) => void
}

function DayRow({ day, name, range, set }: RowProps) {
  const { i18n } = useApp()
  const path = `workingHours.${day}`
  const start = useFieldState(`${path}.start`)
  const end = useFieldState(`${path}.end`)
  const row = useFieldState(path)
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <input
          {...row}
          type="checkbox"
          checked={range !== null}
          aria-label={i18n.t('opt_workingDay', name)}
          onChange={(e) => set(day, e.currentTarget.checked ? DEFAULT_DAY : null)}
        />
      </td>
      <td>
        {range && (
          <input
            {...start}
            type="time"
            aria-label={i18n.t('opt_dayStart', name)}
            value={toInput(range.start)}
            onInput={(e) => set(day, { ...range, start: fromInput(e.currentTarget.value) })}
          />
        )}
        <FieldErrors field={`${path}.start`} />
      </td>
      <td>
        {range && (
          <input
            {...end}
            type="time"
            aria-label={i18n.t('opt_dayEnd', name)}
            value={toInput(range.end)}
            onInput={(e) => set(day, { ...range, end: fromInput(e.currentTarget.value) })}
          />
        )}
        <FieldErrors field={`${path}.end`} />
        <FieldErrors field={path} />
      </td>
    </tr>
  )
}
