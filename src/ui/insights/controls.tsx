/** The period (7, 30 or 90 days) and the grouping (per day or per week): two radio groups. */
import type { Granularity, RangeDays } from '../../core/insights'
import { RANGE_DAYS } from '../../core/insights'
import { useApp } from '../app-context'

interface Props {
  days: RangeDays
  granularity: Granularity
  onDays: (d: RangeDays) => void
  onGranularity: (g: Granularity) => void
}

export function Controls({ days, granularity, onDays, onGranularity }: Props) {
  const { i18n } = useApp()
  return (
    <div class="in-controls">
      <fieldset class="in-segments">
        <legend>{i18n.t('in_period')}</legend>
        {RANGE_DAYS.map((d) => (
          <label key={d} class="in-segment">
            <input
              type="radio"
              class="in-segment-input"
              name="in-days"
              value={d}
              checked={days === d}
              onChange={() => onDays(d)}
            />
            <span class="in-segment-label">{i18n.tp('in_lastDays', d)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="in-segments">
        <legend>{i18n.t('in_groupBy')}</legend>
        {(['day', 'week'] as const).map((g) => (
          <label key={g} class="in-segment">
            <input
              type="radio"
              class="in-segment-input"
              name="in-by"
              value={g}
              checked={granularity === g}
              onChange={() => onGranularity(g)}
            />
            <span class="in-segment-label">{i18n.t(g === 'day' ? 'in_perDay' : 'in_perWeek')}</span>
          </label>
        ))}
      </fieldset>
    </div>
  )
}
