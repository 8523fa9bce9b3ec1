/**
 * The review's live data, as a source the page entry starts before anything else: the read of
 * 10,000 held captures then runs while the page's other modules load and its first frame
 * paints, instead of after (a component's effect only subscribes once it has rendered).
 * Re-reads whenever captures or settings change, in any context (Dexie's liveQuery).
 */
import { liveQuery } from 'dexie'
import type { Client } from '../../core/clients/schema'
import { unreviewed } from '../../store/captures'
import type { CaptureRow, MargenDb } from '../../store/db'
import { readSettings } from '../../store/settings'

export interface Held {
  /** Held captures, oldest first, through the [status+at] index. */
  rows: CaptureRow[]
  clients: Map<string, Client>
}

export async function readHeld(db: MargenDb): Promise<Held> {
  const [rows, { settings }] = await Promise.all([unreviewed(db).toArray(), readSettings(db)])
  return { rows, clients: new Map(settings.rules.clients.map((c) => [c.id, c])) }
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

export function createHeldSource(db: MargenDb): HeldSource {
  let state: HeldState = { value: undefined, error: undefined }
  const listeners = new Set<() => void>()
  const emit = (next: HeldState) => {
    state = next
    for (const l of listeners) l()
  }
  const subscription = liveQuery(() => readHeld(db)).subscribe({
    next: (value) => emit({ value, error: undefined }),
    // The last good value stays: a failed re-read must not blank the page.
    error: (error: unknown) => emit({ value: state.value, error }),
  })
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => subscription.unsubscribe(),
  }
}
