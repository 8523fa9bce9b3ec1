/** The toolbar popup: state, start/stop controls, and what the current (or last) block held. */
import { useId, useMemo, useState } from 'preact/hooks'
import { quietNow } from '../../background/quiet-now'
import type { UiMsg } from '../../core/messages'
import { useApp } from '../app-context'
import { ErrorBanner } from '../components/error-banner'
import { SettingsNotice } from '../components/settings-notice'
import { groupBySender } from '../data/group'
import { popupView } from '../data/queries'
import { useCommand } from '../hooks/use-command'
import { useLiveQuery } from '../hooks/use-live-query'
import { useNow } from '../hooks/use-now'
import { FocusControls } from './focus-controls'
import { HeldGroups } from './held-groups'
import { headerState } from './next-change'
import { StartFocus } from './start-focus'
import { StateLine } from './state-line'
import { StorageNotice } from './storage-notice'

/** Senders listed in the popup; the rest are on the review page (a popup is small and quick). */
export const POPUP_GROUPS = 8

interface Props {
  openReview: () => void
  openOptions: () => void
}

export function Popup({ openReview, openOptions }: Props) {
  const { db, i18n, now } = useApp()
  const ids = useId()
  const view = useLiveQuery(() => popupView(db), [db])
  const time = useNow(now)
  // The schedule and the manual session as the background reads them, for "what comes next".
  // Asked again each 15 s tick (not each render: the clock moves between renders).
  const tick = Math.floor(time / 15_000)
  const schedule = useLiveQuery(() => quietNow(db, now()), [db, tick])
  const command = useCommand()
  const groups = useMemo(() => groupBySender(view.value?.held ?? []), [view.value])
  // After a start or an end from here, the controls that replace the pressed button take focus.
  const [moved, setMoved] = useState(false)

  const send = async (msg: UiMsg) => {
    const ok = await command.send(msg)
    setMoved(ok && msg.type !== 'ui/focus-extend')
    return ok
  }

  const active = view.value?.active
  const loading = view.loading && !view.value
  const header = headerState(active, schedule.value, time)
  return (
    <>
      <header class="bar">
        <h1 class="brand">{i18n.t('extName')}</h1>
        <StateLine loading={loading} state={header} now={time} />
      </header>
      <main class="popup-main">
        <ErrorBanner error={command.error} onDismiss={command.dismiss} />
        <StorageNotice />
        <SettingsNotice short />
        {view.error !== undefined && (
          <p class="alert">{i18n.t('ui_dataError', String(view.error))}</p>
        )}
        {loading ? (
          <p class="muted">{i18n.t('ui_loading')}</p>
        ) : active ? (
          <FocusControls busy={command.busy} send={send} autoFocus={moved} />
        ) : (
          <StartFocus busy={command.busy} send={send} autoFocus={moved} />
        )}
        {!loading && (
          <section class="held" aria-labelledby={`${ids}-held`}>
            <h2 id={`${ids}-held`} class="section-title">
              {i18n.t(active ? 'popup_heldSession' : 'popup_heldLast')}
            </h2>
            {groups.length > 0 ? (
              <>
                <HeldGroups groups={groups.slice(0, POPUP_GROUPS)} />
                {groups.length > POPUP_GROUPS && (
                  <p class="more">{i18n.tp('popup_moreSenders', groups.length - POPUP_GROUPS)}</p>
                )}
              </>
            ) : (
              <p class="empty">{i18n.t(active ? 'popup_emptySession' : 'popup_emptyLast')}</p>
            )}
          </section>
        )}
        <button type="button" class="btn btn-wide" onClick={openReview}>
          {i18n.t('popup_review')}
        </button>
      </main>
      <footer class="limit">
        <p>{i18n.t('popup_limit')}</p>
        <button type="button" class="link" onClick={openOptions}>
          {i18n.t('popup_options')}
        </button>
        <a class="link" href="../insights/index.html" target="_blank" rel="noopener">
          {i18n.t('in_popupLink')}
        </a>
      </footer>
    </>
  )
}
