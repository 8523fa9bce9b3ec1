/** Captures per day or per week: a stacked bar chart (held, breakthroughs, delivered), then its table. */
import { useMemo } from 'preact/hooks'
import type { Bucket, Granularity } from '../../core/insights'
import { useApp } from '../app-context'
import { ChartCanvas } from './chart-canvas'
import { timelineConfig } from './configs'
import type { Labels } from './labels'
import { NumbersTable } from './numbers-table'
import type { ChartTheme } from './theme'

interface Props {
  buckets: Bucket[]
  granularity: Granularity
  labels: Labels
  theme: ChartTheme
}

export function Timeline({ buckets, granularity, labels, theme }: Props) {
  const { i18n } = useApp()
  const config = useMemo(
    () => timelineConfig(i18n, theme, labels, buckets),
    [i18n, theme, labels, buckets],
  )
  const heading = i18n.t(granularity === 'day' ? 'in_timelineDay' : 'in_timelineWeek')
  const total = buckets.reduce((n, b) => n + b.captures, 0)
  const busiest = buckets.reduce<Bucket | null>(
    (best, b) => (b.captures > (best?.captures ?? 0) ? b : best),
    null,
  )
  const summary = busiest
    ? i18n.t(
        'in_timelineSummary',
        heading,
        i18n.number(total),
        labels.bucket(busiest),
        i18n.number(busiest.captures),
      )
    : i18n.t('in_timelineSummaryEmpty', heading)
  return (
    <section class="in-card" aria-labelledby="in-timeline-h">
      <h2 id="in-timeline-h" class="in-card-title">
        {heading}
      </h2>
      <ChartCanvas config={config} label={summary} height={260} />
      <NumbersTable
        caption={heading}
        corner={i18n.t(granularity === 'day' ? 'in_colDay' : 'in_colWeek')}
        columns={[
          { label: i18n.t('in_statCaptures') },
          { label: i18n.t('in_statHeld') },
          { label: i18n.t('in_statDelivered') },
          { label: i18n.t('in_statBreakthroughs') },
          { label: i18n.t('in_statEpisodes') },
        ]}
        rows={buckets.map((b) => ({
          key: b.first,
          label: labels.bucket(b),
          values: [b.captures, b.held, b.delivered, b.breakthroughs, b.episodes],
        }))}
      />
    </section>
  )
}
