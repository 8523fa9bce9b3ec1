/**
 * The clients form's save button and announced outcome. Like ../save-bar.tsx, with its own
 * label: the page has two forms, and each button says what it saves.
 */
import { useApp } from '../../app-context'
import type { SaveStatus } from '../use-schedule-draft'

interface Props {
  status: SaveStatus
  dirty: boolean
  errors: number
}

export function RulesSaveBar({ status, dirty, errors }: Props) {
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
  const tone =
    status === 'saved' ? ' status-ok' : status === 'invalid' && errors > 0 ? ' status-problem' : ''
  return (
    <div class="save-bar">
      <button type="submit" class="btn btn-primary" disabled={status === 'saving'}>
        {i18n.t('cl_save')}
      </button>
      <p class={`status${tone}`} role="status" aria-live="polite">
        {text}
      </p>
    </div>
  )
}
