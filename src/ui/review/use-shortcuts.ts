/**
 * Listens for the review's keyboard shortcuts on the whole document (core/review/keys says which
 * key is what and when a key is left alone) and runs them. Keys inside a dialog are the
 * dialog's. Arrows, Home and End also scroll the page and move in controls: they are ours only
 * while focus is in the list (or nowhere).
 */
import type { RefObject } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { type KeyTarget, type ShortcutAction, shortcutFor } from '../../core/review/keys'

const PAGE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'])

export function targetOf(el: EventTarget | null): KeyTarget {
  if (!(el instanceof HTMLElement)) return 'other'
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return 'typing'
  if (el instanceof HTMLInputElement)
    return ['button', 'submit', 'reset', 'checkbox', 'radio'].includes(el.type)
      ? 'button'
      : 'typing'
  return el.closest('button, a[href], summary') ? 'button' : 'other'
}

export function useShortcuts(
  list: RefObject<HTMLElement | null>,
  run: (action: ShortcutAction) => void,
): void {
  const latest = useRef(run)
  latest.current = run
  // A layout effect: listening from the first frame, not one frame later.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const el = e.target instanceof Element ? e.target : null
      if (el?.closest('dialog')) return
      const action = shortcutFor({
        key: e.key,
        shiftKey: e.shiftKey,
        ctrlKey: e.ctrlKey,
        altKey: e.altKey,
        metaKey: e.metaKey,
        isComposing: e.isComposing,
        target: targetOf(e.target),
      })
      if (!action) return
      const inList = !el || el === document.body || list.current?.contains(el)
      if (PAGE_KEYS.has(e.key) && !inList) return
      e.preventDefault()
      latest.current(action)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [list])
}
