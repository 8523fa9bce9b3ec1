/** What the last snooze did, in the reply's own terms: how many, and until when. */
import { useApp } from '../app-context'
import type { Snoozed } from './use-review-actions'
import { whenText } from './when'

export function SnoozeNotice({
  snoozed,
  onDismiss,
}: {
  snoozed: Snoozed | null
  onDismiss: () => void
}) {
  const { i18n, now } = useApp()
  return (
    <div role="status" class="rq-status-slot">
      {snoozed && (
        <div class="rq-notice">
          <p>
            {snoozed.count > 0 && snoozed.until > 0
              ? i18n.tp('rq_snoozedNotice', snoozed.count, whenText(i18n, snoozed.until, now()))
              : i18n.t('rq_snoozedNone')}
          </p>
          <button type="button" class="btn btn-quiet" onClick={onDismiss}>
            {i18n.t('ui_dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
