/**
 * "Not urgent": the user's verdict on a claimed urgency (a breakthrough, or a message with an
 * urgent keyword), kept for the cry-wolf ratio. A toggle: pressed once marked, and pressing it
 * again takes the mark back. Its state is the stored row's, so it shows what the background kept.
 */
import type { UiMsg } from '../../core/messages'
import type { CaptureRow } from '../../store/db'
import { useApp } from '../app-context'

interface Props {
  item: Pick<CaptureRow, 'id' | 'notUrgent'>
  /** A short text of the item, for the accessible name. */
  label: string
  busy: boolean
  send: (msg: UiMsg) => void
}

export function NotUrgentButton({ item, label, busy, send }: Props) {
  const { i18n } = useApp()
  const pressed = item.notUrgent === 1
  return (
    <button
      type="button"
      class="btn btn-toggle"
      aria-pressed={pressed}
      disabled={busy}
      aria-label={i18n.t('rv_notUrgentLabel', label)}
      onClick={() => send({ type: 'ui/mark-not-urgent', ids: [item.id], notUrgent: !pressed })}
    >
      {i18n.t('rv_notUrgent')}
    </button>
  )
}
