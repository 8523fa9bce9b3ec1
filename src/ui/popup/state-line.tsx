/**
 * The header's state: "Backoffice until 11:00 · 23 min left" with "Then open until 15:00" below,
 * or "Open" with "Next block at 15:00 (Backoffice)". Announced when it changes.
 */
import { useApp } from '../app-context'
import { Msg } from '../components/msg'
import { TimeAt } from '../components/time-at'
import type { I18n } from '../i18n'
import { timeLeft, timeLeftText } from '../time-left'
import type { HeaderState } from './next-change'

interface Props {
  /** Still reading the database: the live region stays in place, empty, so the first state is announced. */
  loading: boolean
  state: HeaderState
  now: number
}

export function StateLine({ loading, state, now }: Props) {
  const { i18n } = useApp()
  const { period, until } = state.now
  const quiet = period.kind !== 'open' && until !== null
  return (
    <div class={quiet ? 'state state-focus' : 'state'} aria-live="polite" aria-atomic="true">
      {loading ? null : (
        <>
          <p>
            {quiet ? (
              <Msg
                k={
                  period.kind === 'block'
                    ? 'popup_stateBlock'
                    : period.kind === 'off-hours'
                      ? 'popup_stateOffHours'
                      : 'popup_stateFocus'
                }
                subs={[
                  ...(period.kind === 'block' ? [period.label] : []),
                  <TimeAt key="t" ms={until} />,
                  <span key="l" class="nowrap">
                    {timeLeftText(i18n, timeLeft(now, until))}
                  </span>,
                ]}
              />
            ) : (
              i18n.t('popup_stateOpen')
            )}
          </p>
          <After i18n={i18n} after={state.after} />
        </>
      )}
    </div>
  )
}

function After({ i18n, after }: { i18n: I18n; after: HeaderState['after'] }) {
  if (!after) return null
  const { period, until } = after.stretch
  const time = (ms: number) => <TimeAt key="t" ms={ms} />
  let text = null
  if (after.kind === 'next') {
    if (period.kind === 'block')
      text = <Msg k="popup_nextBlock" subs={[time(after.at), period.label]} />
    else if (period.kind === 'off-hours')
      text = <Msg k="popup_nextOffHours" subs={[time(after.at)]} />
    else if (period.kind === 'focus') text = <Msg k="popup_nextFocus" subs={[time(after.at)]} />
  } else if (period.kind === 'open' || until === null) {
    text =
      until === null ? (
        i18n.t('popup_thenOpen')
      ) : (
        <Msg k="popup_thenOpenUntil" subs={[time(until)]} />
      )
  } else if (period.kind === 'block') {
    text = <Msg k="popup_thenBlock" subs={[period.label, time(until)]} />
  } else {
    const k = period.kind === 'off-hours' ? 'popup_thenOffHours' : 'popup_thenFocus'
    text = <Msg k={k} subs={[time(until)]} />
  }
  return text && <p class="state-next">{text}</p>
}
