/**
 * The review page: every held notification still waiting, grouped by client, then conversation,
 * bursts collapsed (core/review), in a virtual list that stays quick with 10,000 of them; with
 * filters, keyboard shortcuts, snooze, and what got through (breakthroughs) to judge.
 * `?session=<id>` (from the digest notification) narrows the page to one block.
 */
import { useRef, useState } from 'preact/hooks'
import { isFiltered, NO_FILTER, type ReviewFilter } from '../../core/review/filter'
import { idsOf } from '../../core/review/rows'
import { useApp } from '../app-context'
import { ErrorBanner } from '../components/error-banner'
import { useNow } from '../hooks/use-now'
import { Breakthroughs } from './breakthroughs'
import { Filters } from './filters'
import type { HeldSource } from './held-source'
import { ReviewList } from './review-list'
import { ShortcutsDialog } from './shortcuts-dialog'
import { SnoozeNotice } from './snooze-notice'
import { Toolbar } from './toolbar'
import { useExplain } from './use-explain'
import { useReviewActions } from './use-review-actions'
import { type Mode, useReviewData } from './use-review-data'

interface Props {
  /** The block to show alone, or null for all. */
  session: string | null
  onShowAll: () => void
  /** The held captures, already being read by the page's entry (else the page reads them). */
  source?: HeldSource
}

export function Review({ session, onShowAll, source }: Props) {
  const { i18n, now } = useApp()
  const [filter, setFilter] = useState<ReviewFilter>({ ...NO_FILTER, session })
  const [mode, setMode] = useState<Mode>('waiting')
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set())
  const [help, setHelp] = useState(false)
  const data = useReviewData(filter, mode, expanded, source)
  const actions = useReviewActions()
  const explain = useExplain(data.clients)
  const clock = useNow(now, 60_000)
  const main = useRef<HTMLElement>(null)
  const bar = useRef<HTMLDivElement>(null)
  const firstFilter = useRef<HTMLSelectElement>(null)

  const toggle = (key: string) =>
    setExpanded((old) => {
      const next = new Set(old)
      if (!next.delete(key)) next.add(key)
      return next
    })
  const showAll = () => {
    setFilter((f) => ({ ...f, session: null }))
    onShowAll()
  }
  const markShown = async () => {
    await actions.done(idsOf(data.shown))
    main.current?.focus()
  }
  // The sticky bar covers the top of the window; the keyboard cursor must not hide under it.
  const topInset = () => {
    const el = bar.current
    return el && getComputedStyle(el).position === 'sticky' ? el.getBoundingClientRect().bottom : 0
  }

  const pool = mode === 'waiting' ? data.split.waiting : data.split.snoozed
  const total = mode === 'waiting' ? data.allWaiting : data.split.snoozed.length
  let empty = ''
  if (data.loading || data.rows.length > 0) empty = ''
  else if (mode === 'snoozed') empty = i18n.t('rq_snoozedEmpty')
  // The block's own notice above says "Nothing left from this block".
  else if (filter.session !== null && pool.length === 0) empty = ''
  else if (pool.length === 0) empty = i18n.t('review_empty')
  else empty = i18n.t('rq_noMatch')

  return (
    <>
      <header class="bar review-bar rq-head">
        <h1 class="page-title">{i18n.t('review_heading')}</h1>
        <p class="state" aria-live="polite">
          {!data.loading && data.notifications > 0
            ? i18n.tp('review_total', data.notifications)
            : ''}
        </p>
        <p class="page-link">
          <a href="../insights/index.html">{i18n.t('in_pageLink')}</a>
        </p>
      </header>
      <main class="review-main rq-main" ref={main} tabIndex={-1} data-focus="main">
        <div class="rq-bar" ref={bar}>
          <Filters
            filter={filter}
            facets={data.facets}
            clients={data.clients}
            onChange={setFilter}
            firstRef={firstFilter}
          />
          <Toolbar
            shown={data.shown.length}
            total={total}
            snoozed={data.split.snoozed.length}
            mode={mode}
            onMode={setMode}
            onMarkShown={() => void markShown()}
            onHelp={() => setHelp(true)}
          />
        </div>
        <ErrorBanner error={actions.error} onDismiss={actions.dismiss} />
        {data.error !== undefined && (
          <p class="alert">{i18n.t('ui_dataError', String(data.error))}</p>
        )}
        <SnoozeNotice snoozed={actions.snoozed} onDismiss={actions.clearSnoozed} />
        {filter.session !== null && !data.loading && (
          <div class="filter">
            <p>
              {i18n.t(data.split.waiting.length > 0 ? 'review_filtered' : 'review_filteredEmpty')}
            </p>
            <button type="button" class="btn" onClick={showAll}>
              {i18n.t('review_showAll')}
            </button>
          </div>
        )}
        {mode === 'snoozed' && <h2 class="rq-mode">{i18n.t('rq_snoozedHeading')}</h2>}
        {data.loading && <p class="muted">{i18n.t('ui_loading')}</p>}
        {empty && (
          <div class="empty empty-large">
            <p>{empty}</p>
            {!data.loading && isFiltered(filter) && pool.length > 0 && (
              <button
                type="button"
                class="btn btn-quiet"
                onClick={() => setFilter((f) => ({ ...NO_FILTER, session: f.session }))}
              >
                {i18n.t('rq_clear')}
              </button>
            )}
          </div>
        )}
        {!data.loading && (
          <ReviewList
            rows={data.rows}
            mode={mode}
            now={clock}
            explain={explain}
            actions={actions}
            label={i18n.t(mode === 'waiting' ? 'review_heading' : 'rq_snoozedHeading')}
            onToggle={toggle}
            onHelp={() => setHelp(true)}
            onFilters={() => firstFilter.current?.focus()}
            topInset={topInset}
          />
        )}
        {!data.loading && (
          <Breakthroughs
            session={filter.session}
            explain={explain}
            busy={false}
            send={(msg) => void actions.send(msg)}
          />
        )}
      </main>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </>
  )
}
