/**
 * The cry-wolf ratio per client over the period: of the urgencies a client claimed, how many the
 * user later marked "not urgent" (on the review page). Always a visible table: a few ratios
 * read better as numbers than as a chart.
 */
import type { CryWolf } from '../../core/insights'
import { useApp } from '../app-context'

export const REVIEW_PAGE = '../review/index.html'

interface Props {
  lines: CryWolf[]
  name: (clientId: string) => string
}

export function CryWolfTable({ lines, name }: Props) {
  const { i18n } = useApp()
  const pct = new Intl.NumberFormat(i18n.lang, { style: 'percent', maximumFractionDigits: 0 })
  return (
    <section class="in-card" aria-labelledby="in-wolf-h">
      <h2 id="in-wolf-h" class="in-card-title">
        {i18n.t('in_wolfHeading')}
      </h2>
      <p class="hint">
        {i18n.t('in_wolfHelp')}{' '}
        <a class="in-link" href={REVIEW_PAGE}>
          {i18n.t('in_wolfReview')}
        </a>
      </p>
      {lines.length === 0 ? (
        <p class="empty">{i18n.t('in_wolfEmpty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="coverage-table in-table in-wolf">
            <caption class="visually-hidden">{i18n.t('in_wolfHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('in_colClient')}</th>
                <th scope="col" class="num">
                  {i18n.t('in_colClaims')}
                </th>
                <th scope="col" class="num">
                  {i18n.t('in_colNotUrgent')}
                </th>
                <th scope="col">{i18n.t('in_colRatio')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.clientId} data-client={l.clientId}>
                  <th scope="row">{name(l.clientId)}</th>
                  <td class="num">{i18n.number(l.claims)}</td>
                  <td class="num">{i18n.number(l.notUrgent)}</td>
                  <td class="in-ratio">
                    <span class="in-ratio-value">{pct.format(l.ratio)}</span>
                    <span class="in-meter" aria-hidden="true">
                      <span
                        class="in-meter-fill"
                        style={{ width: `${Math.round(l.ratio * 100)}%` }}
                      />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
