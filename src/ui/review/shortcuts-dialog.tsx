/**
 * The keyboard shortcuts, listed in a modal dialog ("?" or the "Keyboard shortcuts" button).
 * Escape closes it (the browser's own dialog behaviour), and focus goes back where it was.
 */
import { useEffect, useRef } from 'preact/hooks'
import { SHORTCUT_HELP, type ShortcutAction } from '../../core/review/keys'
import { useApp } from '../app-context'
import type { MessageKey } from '../i18n'

const TEXT: Record<ShortcutAction, MessageKey> = {
  next: 'rq_keyNext',
  prev: 'rq_keyPrev',
  first: 'rq_keyFirstLast',
  last: 'rq_keyFirstLast',
  open: 'rq_keyOpen',
  expand: 'rq_keyExpand',
  collapse: 'rq_keyExpand',
  done: 'rq_keyDone',
  groupDone: 'rq_keyGroupDone',
  snooze: 'rq_keySnooze',
  notUrgent: 'rq_keyNotUrgent',
  filters: 'rq_keyFilters',
  help: 'rq_keyHelp',
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { i18n } = useApp()
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<Element | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      opener.current = document.activeElement
      dialog.showModal()
    } else if (!open && dialog.open) dialog.close()
  }, [open])

  const restore = () => {
    const back = opener.current
    opener.current = null
    if (back instanceof HTMLElement && back.isConnected) back.focus()
    onClose()
  }

  return (
    <dialog ref={ref} class="rq-dialog" aria-labelledby="rq-keys-title" onClose={restore}>
      <h2 id="rq-keys-title">{i18n.t('rq_shortcutsTitle')}</h2>
      <table class="rq-keys">
        <tbody>
          {SHORTCUT_HELP.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.flatMap((k, i) => [i > 0 ? ' ' : '', <kbd key={k}>{k}</kbd>])}
              </th>
              <td class="rq-key-what">{i18n.t(TEXT[s.action])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{i18n.t('rq_shortcutsNote')}</p>
      <div class="rq-dialog-actions">
        <button type="button" class="btn btn-primary" onClick={() => ref.current?.close()}>
          {i18n.t('rq_close')}
        </button>
      </div>
    </dialog>
  )
}
