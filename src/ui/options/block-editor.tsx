/** One weekly block: its name, its days and its times. Changes stay in the draft until saved. */
import type { WeeklyBlock } from '../../core/schedule/schema'
import { useApp } from '../app-context'
import { fromInput, toInput } from './draft'
import { FieldErrors, useFieldState } from './field-errors'
import { DISPLAY_ORDER, weekdayNames } from './weekdays'

interface Props {
  block: WeeklyBlock
  index: number
  onChange: (block: WeeklyBlock) => void
  /** Without it (onboarding), the block cannot be deleted here. */
  onDelete?: () => void
}

export function BlockEditor({ block, index, onChange, onDelete }: Props) {
  const { i18n } = useApp()
  const path = `blocks.${index}`
  const short = weekdayNames(i18n.lang, 'short')
  const long = weekdayNames(i18n.lang)
  const name = block.label.trim() || i18n.t('opt_blockNumber', index + 1)
  const label = useFieldState(`${path}.label`)
  const days = useFieldState(`${path}.days`)
  const start = useFieldState(`${path}.start`)
  const end = useFieldState(`${path}.end`)
  const whole = useFieldState(path)

  const toggleDay = (day: number, on: boolean) => {
    const next = on ? [...block.days, day] : block.days.filter((d) => d !== day)
    onChange({ ...block, days: DISPLAY_ORDER.filter((d) => next.includes(d)) })
  }

  return (
    <li class="block-card" id={whole.id} aria-describedby={whole['aria-describedby']}>
      <div class="block-head">
        <h3 class="block-name">{name}</h3>
        {onDelete && (
          <button
            type="button"
            class="btn btn-quiet"
            aria-label={i18n.t('opt_deleteLabel', name)}
            onClick={onDelete}
          >
            {i18n.t('opt_delete')}
          </button>
        )}
      </div>
      <FieldErrors field={path} />
      <div class="block-fields">
        <div class="field field-label">
          <label for={label.id}>{i18n.t('opt_blockLabel')}</label>
          <input
            {...label}
            type="text"
            value={block.label}
            maxLength={80}
            onInput={(e) => onChange({ ...block, label: e.currentTarget.value })}
          />
          <FieldErrors field={`${path}.label`} />
        </div>
        <div class="field">
          <label for={start.id}>{i18n.t('opt_start')}</label>
          <input
            {...start}
            type="time"
            value={toInput(block.start)}
            onInput={(e) => onChange({ ...block, start: fromInput(e.currentTarget.value) })}
          />
          <FieldErrors field={`${path}.start`} />
        </div>
        <div class="field">
          <label for={end.id}>{i18n.t('opt_end')}</label>
          <input
            {...end}
            type="time"
            value={toInput(block.end)}
            onInput={(e) => onChange({ ...block, end: fromInput(e.currentTarget.value) })}
          />
          <FieldErrors field={`${path}.end`} />
        </div>
      </div>
      {block.end < block.start && <p class="hint">{i18n.t('opt_crossesMidnight')}</p>}
      <fieldset id={days.id} class="days" aria-describedby={days['aria-describedby']}>
        <legend>{i18n.t('opt_days')}</legend>
        {DISPLAY_ORDER.map((d) => (
          <label key={d} class="day-check" title={long[d]}>
            <input
              type="checkbox"
              checked={block.days.includes(d)}
              aria-label={long[d]}
              onChange={(e) => toggleDay(d, e.currentTarget.checked)}
            />
            <span aria-hidden="true">{short[d]}</span>
          </label>
        ))}
      </fieldset>
      <FieldErrors field={`${path}.days`} />
    </li>
  )
}
