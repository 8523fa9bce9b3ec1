/** The save button, kept in view, and the announced outcome: saved, unsaved changes, or errors. */
import { useApp } from '../app-context'
import type { SaveStatus } from './use-schedule-draft'

interface Props {
  status: SaveStatus
  dirty: boolean
  errors: number
}

export function SaveBar({ status, dirty, errors }: Props) {
  const { i18n } = useApp()
  const text =
    status === 'saving'
      ? i18n.t('opt_saving')
      : status === 'saved'
        ? i18n.t('opt_saved')
        : status === 'invalid' && errors > 0
          ? i18n.tp('opt_notSaved', errors)
          : dirty
            ? i18n.t('opt_unsaved')
            : ''
  return (
    <div class="save-bar">
      <button type="submit" class="btn btn-primary" disabled={status === 'saving'}>
        {i18n.t('opt_save')}
      </button>
      <p
        class={
          status === 'saved'
            ? 'status status-ok'
            : status === 'invalid'
              ? 'status status-problem'
              : 'status'
        }
        role="status"
        aria-live="polite"
      >
        {text}
      </p>
    </div>
  )
}
