/**
 * "Delete all history", in two deliberate steps: the button opens a confirmation that says how
 * many captures go, with focus on Cancel (the safe choice); only "Yes, delete everything" sends
 * `ui/history-delete`. Escape or Cancel closes it and puts focus back on the first button.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks'
import { historyStats } from '../../../store/history-export'
import { useApp } from '../../app-context'
import { ErrorBanner } from '../../components/error-banner'
import { useCommand } from '../../hooks/use-command'
import { useLiveQuery } from '../../hooks/use-live-query'

export function DeleteHistory() {
  const { db, connector, i18n } = useApp()
  const ids = useId()
  const stats = useLiveQuery(() => historyStats(db), [db])
  const command = useCommand()
  const [confirming, setConfirming] = useState(false)
  const [deleted, setDeleted] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const open = useRef<HTMLButtonElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const count = stats.value?.count ?? 0

  useEffect(() => {
    if (confirming) cancel.current?.focus()
  }, [confirming])

  const close = () => {
    setConfirming(false)
    // After the render that removes the confirmation: the button is back then.
    setTimeout(() => open.current?.focus(), 0)
  }

  const remove = async () => {
    setBusy(true)
    try {
      const reply = await connector.send({ type: 'ui/history-delete' })
      if (reply.ok) {
        const n = 'deleted' in reply && typeof reply.deleted === 'number' ? reply.deleted : 0
        setDeleted(n)
        command.setError(null)
      } else command.setError(i18n.t('ui_error', reply.error))
    } finally {
      setBusy(false)
      close()
    }
  }

  return (
    <div class="data-delete">
      <ErrorBanner error={command.error} onDismiss={command.dismiss} />
      {!confirming && (
        <div class="card-actions">
          <button
            ref={open}
            type="button"
            class="btn btn-danger"
            disabled={count === 0}
            onClick={() => {
              setDeleted(null)
              setConfirming(true)
            }}
          >
            {i18n.t('dt_deleteButton')}
          </button>
        </div>
      )}
      {confirming && (
        <fieldset
          id={`${ids}-confirm`}
          class="data-confirm"
          aria-describedby={`${ids}-d`}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !busy) close()
          }}
        >
          <legend class="data-confirm-q">{i18n.tp('dt_deleteConfirm', count)}</legend>
          <p id={`${ids}-d`} class="data-confirm-text">
            {i18n.t('dt_deleteConfirmText')}
          </p>
          <div class="card-actions">
            <button ref={cancel} type="button" class="btn" disabled={busy} onClick={close}>
              {i18n.t('dt_deleteCancel')}
            </button>
            <button
              type="button"
              class="btn btn-danger-strong"
              disabled={busy}
              onClick={() => void remove()}
            >
              {i18n.t('dt_deleteConfirmButton')}
            </button>
          </div>
        </fieldset>
      )}
      <p class={`status${deleted !== null ? ' status-ok' : ''}`} role="status">
        {deleted !== null
          ? i18n.tp('dt_deleted', deleted)
          : count === 0
            ? i18n.t('dt_storedNone')
            : ''}
      </p>
    </div>
  )
}
