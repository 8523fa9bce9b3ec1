/**
 * Under the filters: how many are shown of how many, "Mark all shown done" (asks first: it may
 * be thousands), the snoozed count that switches to the snoozed list, and the shortcuts button.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { useApp } from '../app-context'
import type { Mode } from './use-review-data'

interface Props {
  shown: number
  total: number
  snoozed: number
  mode: Mode
  onMode: (mode: Mode) => void
  onMarkShown: () => void
  onHelp: () => void
}

export function Toolbar({ shown, total, snoozed, mode, onMode, onMarkShown, onHelp }: Props) {
  const { i18n } = useApp()
  return (
    <div class="rq-tools">
      <p class="rq-showing" aria-live="polite">
        {shown !== total ? i18n.t('rq_showing', i18n.number(shown), i18n.number(total)) : ''}
      </p>
      <MarkShown shown={shown} onConfirm={onMarkShown} />
      {(snoozed > 0 || mode === 'snoozed') && (
        <button
          type="button"
          class="btn btn-toggle"
          aria-pressed={mode === 'snoozed'}
          onClick={() => onMode(mode === 'snoozed' ? 'waiting' : 'snoozed')}
        >
          {i18n.t('rq_snoozedCount', i18n.number(snoozed))}
        </button>
      )}
      <button
        type="button"
        class="btn btn-quiet rq-keys-btn"
        aria-keyshortcuts="?"
        onClick={onHelp}
      >
        {i18n.t('rq_shortcuts')} <kbd>?</kbd>
      </button>
    </div>
  )
}

/** The button, then in its place the question; focus moves to the answer and back. */
function MarkShown({ shown, onConfirm }: { shown: number; onConfirm: () => void }) {
  const { i18n } = useApp()
  const [confirming, setConfirming] = useState(false)
  const yes = useRef<HTMLButtonElement>(null)
  const ask = useRef<HTMLButtonElement>(null)
  const moved = useRef(false)
  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    ;(confirming ? yes : ask).current?.focus()
  }, [confirming])
  const to = (next: boolean) => {
    moved.current = true
    setConfirming(next)
  }
  if (confirming)
    return (
      <div class="rq-confirm">
        <span id="rq-confirm-q">{i18n.tp('rq_markShownConfirm', shown)}</span>
        <button
          ref={yes}
          aria-describedby="rq-confirm-q"
          type="button"
          class="btn btn-primary"
          onClick={() => {
            setConfirming(false)
            onConfirm()
          }}
        >
          {i18n.t('review_markDone')}
        </button>
        <button type="button" class="btn" onClick={() => to(false)}>
          {i18n.t('rq_cancel')}
        </button>
      </div>
    )
  if (shown === 0) return null
  return (
    <button ref={ask} type="button" class="btn" onClick={() => to(true)}>
      {i18n.t('rq_markShown')}
    </button>
  )
}
