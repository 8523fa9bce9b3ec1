/**
 * The review's live data, as a source the page entry starts before anything else: the read of
 * 10,000 held captures then runs while the page's other modules load and its first frame
 * paints, instead of after (a component's effect only subscribes once it has rendered).
 * Re-reads whenever captures or settings change, in any context (Dexie's liveQuery).
 */
import { liveQuery } from 'dexie'
import type { Client } from '../../core/clients/schema'
import { loadSettings, type Settings } from '../../core/settings'
import { unreviewed } from '../../store/captures'
import type { CaptureRow, MargenDb } from '../../store/db'
import type { EarlyHeld } from '../../store/early-read'
import { readSettings } from '../../store/settings'
import { ROWS_MARK } from './marks'

export interface Held {
  /** Held captures, oldest first, through the [status+at] index. */
  rows: CaptureRow[]
  clients: Map<string, Client>
}

const heldOf = (rows: CaptureRow[], settings: Settings): Held => ({
  rows,
  clients: new Map(settings.rules.clients.map((c) => [c.id, c])),
})

export async function readHeld(db: MargenDb): Promise<Held> {
  const [rows, { settings }] = await Promise.all([unreviewed(db).toArray(), readSettings(db)])
  return heldOf(rows, settings)
}

export interface HeldState {
  value: Held | undefined
  error: unknown
}

export interface HeldSource {
  current(): HeldState
  /** Calls `listener` after each new state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
  close(): void
}

/** Runs `then` after the next frame has been painted. */
const afterPaint = (then: () => void) =>
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame(() => setTimeout(then, 0))
    : setTimeout(then, 0)

/**
 * `early`: a first read the entry started without Dexie (store/early-read.ts). The page paints
 * from it, and only then starts the live query, whose first answer (the same rows, unless
 * something changed in between) replaces it; without it, the live query starts at once.
 */
export function createHeldSource(db: MargenDb, early?: Promise<EarlyHeld | undefined>): HeldSource {
  let state: HeldState = { value: undefined, error: undefined }
  let closed = false
  let subscription: { unsubscribe(): void } | undefined
  const listeners = new Set<() => void>()
  const emit = (next: HeldState) => {
    if (state.value === undefined && next.value !== undefined) performance.mark(ROWS_MARK)
    state = next
    for (const l of listeners) l()
  }
  const follow = () => {
    if (closed) return
    subscription = liveQuery(() => readHeld(db)).subscribe({
      next: (value) => emit({ value, error: undefined }),
      // The last good value stays: a failed re-read must not blank the page.
      error: (error: unknown) => emit({ value: state.value, error }),
    })
  }
  if (!early) follow()
  else
    void early.then((first) => {
      if (!first) return follow()
      if (state.value === undefined && !closed)
        emit({ value: heldOf(first.rows, loadSettings(first.settings).settings), error: undefined })
      afterPaint(follow)
    })
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => {
      closed = true
      subscription?.unsubscribe()
    },
  }
}
