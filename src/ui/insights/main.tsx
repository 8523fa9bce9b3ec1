/** Insights page entry: reads `?days=` and `?by=` and wires the browser, database and text in. */
import { render } from 'preact'
import '../styles.css'
import { DEFAULT_RANGE, RANGE_DAYS, type RangeDays } from '../../core/insights'
import { AppContext } from '../app-context'
import { createAppDeps } from '../runtime'
import { InsightsPage, type View } from './insights'

const deps = createAppDeps()
document.title = deps.i18n.t('in_title')

const params = new URLSearchParams(location.search)
const asked = Number(params.get('days'))
const initial: View = {
  days: (RANGE_DAYS as readonly number[]).includes(asked) ? (asked as RangeDays) : DEFAULT_RANGE,
  granularity: params.get('by') === 'week' ? 'week' : 'day',
}
const keep = (v: View) =>
  history.replaceState(null, '', `${location.pathname}?days=${v.days}&by=${v.granularity}`)

render(
  <AppContext.Provider value={deps}>
    <InsightsPage initial={initial} onView={keep} />
  </AppContext.Provider>,
  document.getElementById('app')!,
)
