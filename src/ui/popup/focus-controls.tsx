/** While focusing: end the block now, or give it 15 more minutes. */
import { useEffect, useRef } from 'preact/hooks'
import type { UiMsg } from '../../core/messages'
import { useApp } from '../app-context'

interface Props {
  busy: boolean
  send: (msg: UiMsg) => Promise<boolean>
  /** Set after the user started a block from this popup, so keyboard focus is not lost. */
  autoFocus: boolean
}

export function FocusControls({ busy, send, autoFocus }: Props) {
  const { i18n } = useApp()
  // The safe button takes focus, so that a stray Enter does not end the block.
  const extend = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (autoFocus) extend.current?.focus()
  }, [autoFocus])
  return (
    <section class="controls" aria-label={i18n.t('popup_controlsHeading')}>
      <button
        type="button"
        class="btn"
        disabled={busy}
        onClick={() => void send({ type: 'ui/focus-end' })}
      >
        {i18n.t('popup_end')}
      </button>
      <button
        ref={extend}
        type="button"
        class="btn"
        disabled={busy}
        aria-label={i18n.t('popup_extendLabel')}
        onClick={() => void send({ type: 'ui/focus-extend', minutes: 15 })}
      >
        {i18n.t('popup_extend')}
      </button>
    </section>
  )
}
