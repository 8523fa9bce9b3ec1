/**
 * A form's save button, kept in view, and the announced outcome: saved, unsaved changes, or
 * errors. The page has two forms, so each button says what it saves.
 */
import { useApp } from '../app-context'
import type { SaveStatus } from './use-save-state'

interface Props {
  /** The button's text. */
  label: string
  status: SaveStatus
  dirty: boolean
  errors: number
}

export function SaveBar({ label, status, dirty, errors }: Props) {
  const { i18n } = useApp()
  const refused = status === 'invalid' && errors > 0
  const text =
    status === 'saving'
      ? i18n.t('opt_saving')
      : status === 'saved'
        ? i18n.t('opt_saved')
        : refused
          ? i18n.tp('opt_notSaved', errors)
          : dirty
            ? i18n.t('opt_unsaved')
            : ''
  const tone = status === 'saved' ? ' status-ok' : refused ? ' status-problem' : ''
  return (
    <div class="save-bar">
      <button type="submit" class="btn btn-primary" disabled={status === 'saving'}>
        {label}
      </button>
      <p class={`status${tone}`} role="status" aria-live="polite">
        {text}
      </p>
    </div>
  )
}
