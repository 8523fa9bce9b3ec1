/**
 * The period's numbers at a glance, and the focus time protected, labelled as the estimate it
 * is: held episodes × the minutes an interruption costs, a setting with its reasons on the
 * options page.
 */
import type { Insights } from '../../core/insights'
import { hoursAndMinutes } from '../../core/insights/estimate'
import { useApp } from '../app-context'

export const OPTIONS_DATA = '../options/index.html#data'

export function Summary({ totals, focus }: Pick<Insights, 'totals' | 'focus'>) {
  const { i18n } = useApp()
  const stat = (key: string, label: string, value: number) => (
    <div class="in-stat" data-stat={key}>
      <dt>{label}</dt>
      <dd>{i18n.number(value)}</dd>
    </div>
  )
  const { hours, minutes } = hoursAndMinutes(focus.minutes)
  return (
    <section class="in-summary" aria-labelledby="in-summary-h">
      <h2 id="in-summary-h" class="visually-hidden">
        {i18n.t('in_summaryHeading')}
      </h2>
      <dl class="in-stats">
        {stat('captures', i18n.t('in_statCaptures'), totals.captures)}
        {stat('held', i18n.t('in_statHeld'), totals.held)}
        {stat('delivered', i18n.t('in_statDelivered'), totals.delivered)}
        {stat('breakthroughs', i18n.t('in_statBreakthroughs'), totals.breakthroughs)}
        {stat('episodes', i18n.t('in_statEpisodes'), totals.episodes)}
      </dl>
      <p class="hint">{i18n.t('in_episodesHelp')}</p>
      <div class="in-focus" data-stat="focus">
        <p class="in-focus-label">{i18n.t('in_focusLabel')}</p>
        <p class="in-focus-value">
          {hours > 0
            ? i18n.t('in_hoursMinutes', i18n.number(hours), i18n.number(minutes))
            : i18n.t('in_minutes', i18n.number(minutes))}
        </p>
        <p class="hint in-focus-how">
          {i18n.t('in_focusHow', i18n.number(focus.episodes), i18n.number(focus.minutesPer))}{' '}
          <a class="in-link" href={OPTIONS_DATA}>
            {i18n.t('in_focusChange')}
          </a>
        </p>
      </div>
    </section>
  )
}
