/**
 * The review page's keyboard shortcuts: which key does what, and when a key is left alone.
 *
 * - Nothing fires while the user types in a form control (a text field, a date, a select):
 *   there, letters and arrows belong to the control.
 * - On a focused button or link, Enter and Space keep their own meaning (press it).
 * - A key with Ctrl, Alt or Meta is the browser's or the system's, never ours.
 * Shift matters only for "D" (mark the whole group done); "?" is Shift+/ on most layouts, so its
 * Shift is ignored.
 */

export type ShortcutAction =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'open'
  | 'expand'
  | 'collapse'
  | 'done'
  | 'groupDone'
  | 'snooze'
  | 'notUrgent'
  | 'filters'
  | 'help'

/** Where the key was pressed. */
export type KeyTarget = 'typing' | 'button' | 'other'

export interface KeyInput {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  /** An IME is composing: the key is part of a character, not a command. */
  isComposing?: boolean
  target: KeyTarget
}

export function shortcutFor(e: KeyInput): ShortcutAction | null {
  if (e.target === 'typing' || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null
  if (e.key === '?') return 'help'
  if (e.target === 'button' && (e.key === 'Enter' || e.key === ' ')) return null
  const lower = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (lower === 'd') return e.shiftKey ? 'groupDone' : 'done'
  // Other letters with Shift are left alone: Shift+J is no shortcut, and a user who typed it
  // did not mean "next".
  if (e.shiftKey && e.key.length === 1) return null
  return KEYS[lower] ?? null
}

const KEYS: Readonly<Record<string, ShortcutAction>> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'prev',
  ArrowUp: 'prev',
  Home: 'first',
  End: 'last',
  o: 'open',
  Enter: 'open',
  ArrowRight: 'expand',
  ArrowLeft: 'collapse',
  s: 'snooze',
  n: 'notUrgent',
  '/': 'filters',
}

/** The help dialog's list, in its order: the keys as shown, and what they do. */
export const SHORTCUT_HELP: readonly { keys: readonly string[]; action: ShortcutAction }[] = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'prev' },
  { keys: ['Home', 'End'], action: 'first' },
  { keys: ['o', 'Enter'], action: 'open' },
  { keys: ['→', '←'], action: 'expand' },
  { keys: ['d'], action: 'done' },
  { keys: ['Shift+D'], action: 'groupDone' },
  { keys: ['s'], action: 'snooze' },
  { keys: ['n'], action: 'notUrgent' },
  { keys: ['/'], action: 'filters' },
  { keys: ['?'], action: 'help' },
]
