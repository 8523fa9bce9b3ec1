/** When captures come: the weekday × hour heatmap, then its table (a row per weekday). */
import { useMemo } from 'preact/hooks'
import type { Heatmap } from '../../core/insights'
import { useApp } from '../app-context'
import { ChartCanvas } from './chart-canvas'
import { heatConfig } from './configs'
import type { Labels } from './labels'
import { NumbersTable } from './numbers-table'
import type { ChartTheme } from './theme'

interface Props {
  map: Heatmap
  labels: Labels
  theme: ChartTheme
}

const HOURS = Array.from({ length: 24 }, (_, h) => h)

/** The busiest cell, first in the week on a tie. */
function busiest(map: Heatmap): { day: number; hour: number } | null {
  if (map.max === 0) return null
  for (const [day, line] of map.cells.entries()) {
    const hour = line.indexOf(map.max)
    if (hour >= 0) return { day, hour }
  }
  return null
}

export function Heat({ map, labels, theme }: Props) {
  const { i18n } = useApp()
  const config = useMemo(() => heatConfig(i18n, theme, labels, map), [i18n, theme, labels, map])
  const heading = i18n.t('in_heatHeading')
  const top = busiest(map)
  const summary = top
    ? i18n.t(
        'in_heatSummary',
        labels.weekdayLong(top.day),
        labels.hourSpan(top.hour),
        i18n.number(map.max),
      )
    : i18n.t('in_heatSummaryEmpty')
  return (
    <section class="in-card" aria-labelledby="in-heat-h">
      <h2 id="in-heat-h" class="in-card-title">
        {heading}
      </h2>
      <p class="hint">{i18n.t('in_heatHelp')}</p>
      <ChartCanvas config={config} label={summary} height={260} class="in-heat" />
      {map.max > 0 && (
        // The colour scale, for sighted users; the summary and the table carry the numbers.
        <p class="in-heat-scale" aria-hidden="true">
          <span>{i18n.number(1)}</span>
          <span class="in-heat-ramp" />
          <span>{i18n.number(map.max)}</span>
        </p>
      )}
      <NumbersTable
        caption={heading}
        corner=""
        columns={HOURS.map((h) => ({ label: labels.hour(h), name: labels.hourSpan(h) }))}
        rows={map.cells.map((line, day) => ({
          key: day,
          label: labels.weekday(day),
          name: labels.weekdayLong(day),
          values: line,
        }))}
      />
    </section>
  )
}
