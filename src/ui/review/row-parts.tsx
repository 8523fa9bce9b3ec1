/** Pieces the review's rows share: the reply-due (or snoozed-until) line and the action buttons. */
import type { CaptureRow } from '../../store/db'
import { useApp } from '../app-context'
import { whenText } from './when'

/** "Reply by 14:00", or, once past, "Overdue: reply was due 11:00" with a mark. */
export function Due({ at, now }: { at: number | null; now: number }) {
  const { i18n } = useApp()
  if (at === null) return null
  const overdue = at <= now
  const when = whenText(i18n, at, now)
  return overdue ? (
    <span class="rq-due rq-overdue">
      <span class="rq-overdue-mark" aria-hidden="true">
        !
      </span>
      {i18n.t('rq_overdue', when)}
    </span>
  ) : (
    <span class="rq-due">{i18n.t('rq_replyBy', when)}</span>
  )
}

/** "Back at Wed 9:00", for a snoozed row: its captures' latest snooze end. */
export function BackAt({ items, now }: { items: readonly CaptureRow[]; now: number }) {
  const { i18n } = useApp()
  let until = 0
  for (const i of items) until = Math.max(until, i.snoozeUntil ?? 0)
  if (until <= now) return null
  return <span class="rq-due">{i18n.t('rq_backAt', whenText(i18n, until, now))}</span>
}

/** "·" between parts of a meta line, hidden from screen readers (they pause on their own). */
export const Dot = () => (
  <span class="rq-dot" aria-hidden="true">
    {' · '}
  </span>
)
