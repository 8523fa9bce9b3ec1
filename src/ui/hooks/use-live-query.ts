/**
 * Dexie's `liveQuery` for Preact: re-runs `query` whenever the tables and ranges it read change,
 * in this page or in another context of the extension (the background writes captures).
 * Written here rather than taken from dexie-react-hooks, which is built for React.
 */
import { liveQuery } from 'dexie'
import { type Inputs, useEffect, useState } from 'preact/hooks'

export interface Live<T> {
  /** The latest result; the previous one stays until a new one arrives, so lists don't flicker. */
  value: T | undefined
  error: unknown
  loading: boolean
}

export function useLiveQuery<T>(query: () => Promise<T>, deps: Inputs): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined, loading: true })
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined, loading: false }),
      error: (error: unknown) => setState((s) => ({ value: s.value, error, loading: false })),
    })
    return () => subscription.unsubscribe()
  }, deps)
  return state
}
