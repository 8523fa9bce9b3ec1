/**
 * This week at a glance: working hours, and the quiet time as the background will apply it
 * (`weekIntervals`: blocks first, then off-hours). A block is a button that jumps to its editor.
 */
import { weekIntervals } from '../../core/schedule'
import { Schedule } from '../../core/schedule/schema'
import { useApp } from '../app-context'
import { focusField } from './field-errors'
import { type Bar, dayBars, mondayOf } from './week-bars'
import { DISPLAY_ORDER, weekdayNames } from './weekdays'

const HOURS = [0, 3, 6, 9, 12, 15, 18, 21, 24]

export function WeekView({ schedule }: { schedule: Schedule }) {
  const { i18n, now } = useApp()
  const parsed = Schedule.safeParse(schedule)
  const monday = mondayOf(now())
  const spans = parsed.success ? weekIntervals(parsed.data, monday) : []
  const names = weekdayNames(i18n.lang)
  const short = weekdayNames(i18n.lang, 'short')
  const today = new Date(now()).getDay()
  const at = (minute: number) => i18n.time(new Date(2000, 0, 1, 0, minute).getTime())
  const pos = (b: Bar) => ({
    top: `${(b.from / 1440) * 100}%`,
    height: `${((b.to - b.from) / 1440) * 100}%`,
  })

  return (
    <div class="week">
      {!parsed.success && <p class="hint">{i18n.t('opt_weekInvalid')}</p>}
      <div class="week-grid">
        <div class="week-axis" aria-hidden="true">
          {HOURS.map((h) => (
            <span key={h} style={{ top: `${(h / 24) * 100}%` }}>
              {String(h).padStart(2, '0')}
            </span>
          ))}
        </div>
        {DISPLAY_ORDER.map((weekday, i) => {
          const bars = parsed.success ? dayBars(parsed.data, spans, monday, i) : []
          return (
            <section
              key={weekday}
              class={weekday === today ? 'week-day week-today' : 'week-day'}
              aria-labelledby={`week-day-${weekday}`}
            >
              <h3 id={`week-day-${weekday}`} class="week-head">
                <span aria-hidden="true">{short[weekday]}</span>
                <span class="visually-hidden">{names[weekday]}</span>
              </h3>
              <div class="week-col">
                {bars.map((b) =>
                  b.kind === 'block' ? (
                    <button
                      key={`${b.kind}${b.from}`}
                      type="button"
                      class="wk wk-block"
                      style={pos(b)}
                      aria-label={i18n.t('opt_weekBlock', b.label, at(b.from), at(b.to))}
                      onClick={() => focusField(`blocks.${b.index}.label`)}
                    >
                      <span>{b.label}</span>
                    </button>
                  ) : (
                    <div
                      key={`${b.kind}${b.from}`}
                      class={`wk wk-${b.kind}`}
                      style={pos(b)}
                      role="img"
                      aria-label={i18n.t(
                        b.kind === 'work' ? 'opt_weekWork' : 'opt_weekOffHours',
                        at(b.from),
                        at(b.to),
                      )}
                    />
                  ),
                )}
              </div>
            </section>
          )
        })}
      </div>
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="swatch wk-work" />
          {i18n.t('opt_legendWork')}
        </li>
        <li>
          <span class="swatch wk-block" />
          {i18n.t('opt_legendBlock')}
        </li>
        <li>
          <span class="swatch wk-off-hours" />
          {i18n.t('opt_legendOffHours')}
        </li>
      </ul>
    </div>
  )
}
