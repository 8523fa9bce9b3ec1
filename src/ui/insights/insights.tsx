/**
 * The insights page: over the last 7, 30 or 90 days, what Margen captured, held and let through,
 * per day or week; who and which sites interrupt most; when; which clients cry wolf; and the
 * focus time protected, as an estimate. Every chart has its numbers in a table.
 */
import { useMemo, useState } from 'preact/hooks'
import type { Granularity, RangeDays } from '../../core/insights'
import { useApp } from '../app-context'
import { Controls } from './controls'
import { CryWolfTable } from './cry-wolf-table'
import { Heat } from './heat'
import { createLabels } from './labels'
import { Summary } from './summary'
import { useChartTheme } from './theme'
import { Timeline } from './timeline'
import { TopChart } from './top-chart'
import { useInsights } from './use-insights'

export interface View {
  days: RangeDays
  granularity: Granularity
}

interface Props {
  initial: View
  /** Called when the user changes the period or grouping (the entry keeps it in the URL). */
  onView?: (v: View) => void
}

export function InsightsPage({ initial, onView }: Props) {
  const { i18n } = useApp()
  const [view, setView] = useState(initial)
  const change = (v: View) => {
    setView(v)
    onView?.(v)
  }
  const { data, insights, days, busy, error } = useInsights(view.days, view.granularity)
  const theme = useChartTheme()
  const clients = data?.clients
  const labels = useMemo(
    () => createLabels(i18n, view.granularity, clients ?? []),
    [i18n, view.granularity, clients],
  )
  const loading = !insights

  return (
    <>
      <header class="bar in-bar">
        <div class="in-bar-inner">
          <h1 class="page-title">{i18n.t('in_heading')}</h1>
          <p class="state" aria-live="polite">
            {loading || busy ? i18n.t('ui_loading') : i18n.tp('in_subtitle', days)}
          </p>
        </div>
      </header>
      <main class="review-main in-main" aria-busy={loading || busy}>
        <Controls
          days={view.days}
          granularity={view.granularity}
          onDays={(days) => change({ ...view, days })}
          onGranularity={(granularity) => change({ ...view, granularity })}
        />
        {error !== undefined && <p class="alert">{i18n.t('ui_dataError', String(error))}</p>}
        {data && data.retentionDays < days && (
          <p class="hint in-retention">
            {i18n.tp('in_retention', data.retentionDays)}{' '}
            <a class="in-link" href="../options/index.html#data">
              {i18n.t('in_retentionChange')}
            </a>
          </p>
        )}
        {insights && (
          <>
            <Summary totals={insights.totals} focus={insights.focus} />
            {insights.totals.captures === 0 && (
              <p class="empty empty-large">{i18n.tp('in_empty', days)}</p>
            )}
            <Timeline
              buckets={insights.buckets}
              granularity={view.granularity}
              labels={labels}
              theme={theme}
            />
            <div class="in-pair">
              <TopChart
                id="in-clients"
                heading={i18n.t('in_topClients')}
                keyHeader={i18n.t('in_colClient')}
                top={insights.byClient}
                name={labels.client}
                theme={theme}
              />
              <TopChart
                id="in-sites"
                heading={i18n.t('in_topSites')}
                keyHeader={i18n.t('in_colSite')}
                top={insights.bySite}
                name={labels.site}
                theme={theme}
              />
            </div>
            <Heat map={insights.heatmap} labels={labels} theme={theme} />
            <CryWolfTable lines={insights.cryWolf} name={labels.client} />
          </>
        )}
      </main>
    </>
  )
}
