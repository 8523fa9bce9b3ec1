/**
 * One read of the held captures and the stored settings straight from IndexedDB, without Dexie,
 * for the review page's first paint; the page then follows changes through Dexie's liveQuery.
 * Dexie would first open the database (one more round trip), then track every row it read for
 * its live query: with 1,000 held captures that is ~20 ms of main-thread work before the list
 * can show. The stores and index are db.ts's (since version 3).
 *
 * Resolves undefined, never rejects, when the database does not exist yet or lacks what is
 * read: the page then waits for its live query instead.
 *
 * The review page starts this read from a classic script of its own (ui/review/early-start.ts,
 * built apart by scripts/classic-script.ts), which runs while the page's modules are still being
 * fetched and evaluated; its entry then takes the read under way (`takeEarlyRead`). So this file
 * imports nothing at run time but names.ts: the script must stay free of Dexie and zod.
 */

import type { CaptureRow } from './db'
import { DB_NAME, SETTINGS_KEY } from './names'

export interface EarlyHeld {
  /** Held captures, oldest first: Dexie's `unreviewed()` range. */
  rows: CaptureRow[]
  /** The stored settings value, unchecked (core/settings' loadSettings checks it). */
  settings: unknown
}

export function readHeldEarly(name: string = DB_NAME): Promise<EarlyHeld | undefined> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest
    try {
      open = indexedDB.open(name)
    } catch {
      return resolve(undefined)
    }
    // Only a missing database gets here: create nothing, the background creates it.
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onerror = () => resolve(undefined)
    open.onsuccess = () => {
      const idb = open.result
      // Never hold up the background's schema upgrade.
      idb.onversionchange = () => idb.close()
      const done = (value: EarlyHeld | undefined) => {
        idb.close()
        resolve(value)
      }
      try {
        const tx = idb.transaction(['captures', 'kv'], 'readonly')
        // Dexie.minKey and Dexie.maxKey: every `at` of the 'held' status.
        const range = IDBKeyRange.bound(['held', -Infinity], ['held', [[]]])
        const rows = tx.objectStore('captures').index('[status+at]').getAll(range)
        const kv = tx.objectStore('kv').get(SETTINGS_KEY)
        tx.oncomplete = () =>
          done({ rows: rows.result, settings: (kv.result as { value?: unknown })?.value })
        tx.onabort = () => done(undefined)
      } catch {
        done(undefined)
      }
    }
  })
}

/** Where the start-up script leaves its read for the page's entry: a global of the page. */
const HANDOFF = '__margenHeldRead'
type Handoff = Record<typeof HANDOFF, unknown>

/** In the start-up script: starts the read and leaves it for `takeEarlyRead`. */
export function startEarlyRead(scope: object = globalThis, name: string = DB_NAME) {
  ;(scope as Handoff)[HANDOFF] = readHeldEarly(name)
}

/** In the page's entry: the read the start-up script began (once), or undefined without one. */
export function takeEarlyRead(
  scope: object = globalThis,
): Promise<EarlyHeld | undefined> | undefined {
  const read = (scope as Partial<Handoff>)[HANDOFF]
  delete (scope as Partial<Handoff>)[HANDOFF]
  return read instanceof Promise ? (read as Promise<EarlyHeld | undefined>) : undefined
}
