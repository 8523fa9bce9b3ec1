/** The header's state: "Focus until 11:40 · 23 min left", or open. Announced when it changes. */
import type { SessionRow } from '../../store/db'
import { useApp } from '../app-context'
import { Msg } from '../components/msg'
import { TimeAt } from '../components/time-at'
import { timeLeft, timeLeftText } from '../time-left'

interface Props {
  /** Still reading the database: the live region stays in place, empty, so the first state is announced. */
  loading: boolean
  active: SessionRow | undefined
  now: number
}

export function StateLine({ loading, active, now }: Props) {
  const { i18n } = useApp()
  return (
    <p class={active ? 'state state-focus' : 'state'} aria-live="polite" aria-atomic="true">
      {loading ? null : active ? (
        <Msg
          k="popup_stateFocus"
          subs={[
            <TimeAt key="t" ms={active.endsAt} />,
            timeLeftText(i18n, timeLeft(now, active.endsAt)),
          ]}
        />
      ) : (
        i18n.t('popup_stateOpen')
      )}
    </p>
  )
}
