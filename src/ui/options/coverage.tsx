/**
 * Coverage (options page, Sites): per built-in site, whether Margen watches it, how many
 * notifications it has seen and when the last came, and how many fell back to the generic
 * parser. A site the user relies on that never shows up here is the visible sign of a
 * notification path no extension can reach (DESIGN.md, "Known limits"), so those are stated
 * next to the sites SITES.md names, and every row says what Margen holds and what it cannot see
 * (tests/escape.spec.ts proves both: frames and pop-ups held; workers and push not seen).
 */
import { useId, useMemo } from 'preact/hooks'
import { SITES } from '../../core/sites'
import { coverage } from '../../store/clients'
import type { MargenDb } from '../../store/db'
import { readSettings } from '../../store/settings'
import { useApp } from '../app-context'
import { useLiveQuery } from '../hooks/use-live-query'
import type { MessageKey } from '../i18n'

/** Per SITES.md: where a site's notifications are known (or not known) to bypass the page. */
const LIMITS: Readonly<Record<string, MessageKey>> = {
  telegram: 'cov_limitTelegram',
  teams: 'cov_limitTeams',
  whatsapp: 'cov_limitWhatsapp',
}

/** Counter keys written by the capture path (background/captures.ts). */
const GENERIC_PREFIX = 'parser:generic:'
const PASSED_UNWATCHED = 'passed:unwatched-site'
/** Page traffic the bridge refused (content/bridge/start.ts), by reason. */
const DROPPED: readonly string[] = ['notString', 'tooBig', 'badJson', 'badShape'].map(
  (why) => `dropped:page:${why}`,
)

async function coverageView(db: MargenDb) {
  const keys = [...SITES.map((s) => `${GENERIC_PREFIX}${s.id}`), PASSED_UNWATCHED, ...DROPPED]
  const [{ settings }, seen, counters] = await Promise.all([
    readSettings(db),
    coverage(db),
    db.counters.bulkGet(keys),
  ])
  const bySite = new Map(seen.map((c) => [c.site, c]))
  const rows = SITES.map((s, i) => ({
    site: s,
    watched: !settings.unwatched.includes(s.id),
    count: bySite.get(s.id)?.count ?? 0,
    last: bySite.get(s.id)?.last ?? 0,
    generic: counters[i]?.value ?? 0,
  }))
  const dropped = counters.slice(SITES.length + 1).reduce((n, c) => n + (c?.value ?? 0), 0)
  return { rows, passed: counters[SITES.length]?.value ?? 0, dropped }
}

export function Coverage() {
  const { db, i18n } = useApp()
  const ids = useId()
  const view = useLiveQuery(() => coverageView(db), [db])
  const none = i18n.t('cov_none')
  // A short date ("Mar 4"): the long one would wrap over three lines in a table cell.
  const shortDay = useMemo(
    () => new Intl.DateTimeFormat(i18n.lang, { month: 'short', day: 'numeric' }),
    [i18n],
  )

  return (
    <section class="card coverage" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`} class="card-title">
        {i18n.t('cov_heading')}
      </h3>
      <p class="hint">{i18n.t('cov_help')}</p>
      {view.error !== undefined && (
        <p class="alert">{i18n.t('ui_dataError', String(view.error))}</p>
      )}
      {!view.value ? (
        <p class="muted">{i18n.t('ui_loading')}</p>
      ) : (
        <div class="table-scroll">
          <table class="coverage-table">
            <caption class="visually-hidden">{i18n.t('cov_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('cov_site')}</th>
                <th scope="col">{i18n.t('cov_watched')}</th>
                <th scope="col" class="num">
                  {i18n.t('cov_seen')}
                </th>
                <th scope="col">{i18n.t('cov_last')}</th>
                <th scope="col" class="num">
                  {i18n.t('cov_generic')}
                </th>
                <th scope="col">{i18n.t('cov_notes')}</th>
              </tr>
            </thead>
            <tbody>
              {view.value.rows.map((r) => {
                const limit = LIMITS[r.site.id]
                return (
                  <tr key={r.site.id} class={r.watched ? undefined : 'unwatched'}>
                    <th scope="row">{r.site.label}</th>
                    <td>{i18n.t(r.watched ? 'cov_yes' : 'cov_no')}</td>
                    <td class="num">{i18n.number(r.count)}</td>
                    <td class="nowrap">
                      {r.last === 0 ? (
                        i18n.t('cov_never')
                      ) : (
                        <time dateTime={new Date(r.last).toISOString()}>
                          {i18n.t('cov_lastWhen', shortDay.format(r.last), i18n.time(r.last))}
                        </time>
                      )}
                    </td>
                    <td class="num">{r.generic > 0 ? i18n.number(r.generic) : none}</td>
                    <td class="coverage-note">{limit ? i18n.t(limit) : none}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">{i18n.t('cov_genericHelp')}</p>
      <p class="hint">
        {i18n.t('cov_reach')} {i18n.t('cov_workers')}
      </p>
      {(view.value?.passed ?? 0) > 0 && (
        <p class="hint">{i18n.tp('cov_passed', view.value?.passed ?? 0)}</p>
      )}
      {(view.value?.dropped ?? 0) > 0 && (
        <p class="hint">{i18n.tp('cov_dropped', view.value?.dropped ?? 0)}</p>
      )}
    </section>
  )
}
