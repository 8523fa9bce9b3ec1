/**
 * The review page: every held notification not yet marked done, newest block first, grouped by
 * sender, each with the reason it was held; then what got through (breakthroughs), to judge.
 * `?session=<id>` (from the digest notification) narrows both to one block.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { UiMsg } from '../../core/messages'
import { useApp } from '../app-context'
import { ErrorBanner } from '../components/error-banner'
import { groupBySession } from '../data/group'
import { reviewView } from '../data/queries'
import { useCommand } from '../hooks/use-command'
import { useLiveQuery } from '../hooks/use-live-query'
import { Breakthroughs } from './breakthroughs'
import { SenderBlock } from './sender-block'
import { SessionHeading } from './session-heading'
import { useExplain } from './use-explain'

interface Props {
  /** The block to show alone, or null for all. */
  session: string | null
  onShowAll: () => void
}

export function Review({ session: initialSession, onShowAll }: Props) {
  const { db, i18n } = useApp()
  const view = useLiveQuery(() => reviewView(db), [db])
  const command = useCommand()
  const explain = useExplain()
  const [session, setSession] = useState(initialSession)
  const focusNext = useFocusAfterRemoval(view.value)

  const all = useMemo(
    () => (view.value ? groupBySession(view.value.held, view.value.sessions) : []),
    [view.value],
  )
  const sections = session === null ? all : all.filter((s) => s.sessionId === session)
  const total = all.reduce((n, s) => n + s.count, 0)
  const flat = sections.flatMap((s) => s.groups.map((g) => `g:${g.key}`))

  const send = (msg: UiMsg, next?: string) => {
    void command.send(msg).then((ok) => {
      if (ok && next) focusNext(next)
    })
  }
  const showAll = () => {
    setSession(null)
    onShowAll()
  }

  const loading = view.loading && !view.value
  return (
    <>
      <header class="bar review-bar">
        <h1 class="page-title">{i18n.t('review_heading')}</h1>
        <p class="state" aria-live="polite">
          {loading ? '' : total > 0 ? i18n.tp('review_total', total) : ''}
        </p>
      </header>
      <main class="review-main" tabIndex={-1} data-focus="main">
        <ErrorBanner error={command.error} onDismiss={command.dismiss} />
        {view.error !== undefined && (
          <p class="alert">{i18n.t('ui_dataError', String(view.error))}</p>
        )}
        {session !== null && !loading && (
          <div class="filter">
            <p>{i18n.t(sections.length > 0 ? 'review_filtered' : 'review_filteredEmpty')}</p>
            <button type="button" class="btn" onClick={showAll}>
              {i18n.t('review_showAll')}
            </button>
          </div>
        )}
        {loading ? (
          <p class="muted">{i18n.t('ui_loading')}</p>
        ) : total === 0 ? (
          <p class="empty empty-large">{i18n.t('review_empty')}</p>
        ) : (
          sections.map((section, si) => (
            <section key={section.sessionId} class="session" aria-labelledby={`session-${si}`}>
              <SessionHeading section={section} id={`session-${si}`} />
              {section.groups.map((group, gi) => {
                const at = flat.indexOf(`g:${group.key}`)
                return (
                  <SenderBlock
                    key={group.key}
                    group={group}
                    headingId={`sender-${si}-${gi}`}
                    busy={command.busy}
                    send={send}
                    nextFocus={flat[at + 1] ?? flat[at - 1] ?? 'main'}
                    explain={explain}
                  />
                )
              })}
            </section>
          ))
        )}
        {!loading && (
          <Breakthroughs
            session={session}
            explain={explain}
            busy={command.busy}
            send={(msg) => send(msg)}
          />
        )}
      </main>
    </>
  )
}

/**
 * Marking items done removes them (the live query updates), which would drop keyboard focus on
 * <body>. Remember where focus should go, and move it once the element is gone.
 */
function useFocusAfterRemoval(trigger: unknown): (key: string) => void {
  const pending = useRef<string | null>(null)
  const settle = () => {
    const key = pending.current
    if (key === null) return
    const active = document.activeElement
    // Still on the pressed button: the item is not gone yet; wait for the next query result.
    if (active && active !== document.body && active.isConnected) return
    pending.current = null
    document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus()
  }
  useEffect(settle, [trigger])
  // The reply and the query result may come in either order.
  return (key) => {
    pending.current = key
    settle()
  }
}
