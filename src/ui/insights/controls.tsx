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
      <Segments
        legend={i18n.t('in_period')}
        name="in-days"
        options={RANGE_DAYS}
        value={days}
        label={(d) => i18n.tp('in_lastDays', d)}
        onChange={onDays}
      />
      <Segments
        legend={i18n.t('in_groupBy')}
        name="in-by"
        options={['day', 'week'] as const}
        value={granularity}
        label={(g) => i18n.t(g === 'day' ? 'in_perDay' : 'in_perWeek')}
        onChange={onGranularity}
      />
    </div>
  )
}

interface SegmentsProps<T extends string | number> {
  legend: string
  name: string
  options: readonly T[]
  value: T
  label: (option: T) => string
  onChange: (option: T) => void
}

/** One radio group drawn as a segmented control. */
function Segments<T extends string | number>(p: SegmentsProps<T>) {
  return (
    <fieldset class="in-segments">
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label key={o} class="in-segment">
          <input
            type="radio"
            class="in-segment-input"
            name={p.name}
            value={o}
            checked={p.value === o}
            onChange={() => p.onChange(o)}
          />
          <span class="in-segment-label">{p.label(o)}</span>
        </label>
      ))}
    </fieldset>
  )
}
