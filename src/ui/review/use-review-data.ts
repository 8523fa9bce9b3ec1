/**
 * The review's data: held captures (one read of the [status+at] index, oldest first) and the
 * clients of the settings, live (held-source.ts); then, each step memoised on what it depends
 * on, so that a keystroke or a burst opened does not regroup 10,000 captures:
 *   held → waiting / snoozed (block, clock) → the user's filters → groups → flat rows.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Client } from '../../core/clients/schema'
import { notificationsIn } from '../../core/flood'
import {
  applyFilter,
  facetsOf,
  nextWake,
  type ReviewFilter,
  splitSnoozed,
} from '../../core/review/filter'
import { groupForReview } from '../../core/review/group'
import { flattenRows } from '../../core/review/rows'
import type { CaptureRow } from '../../store/db'
import { useApp } from '../app-context'
import { createHeldSource, type HeldSource, type HeldState } from './held-source'

export type Mode = 'waiting' | 'snoozed'

/** The page's source if its entry started one, else one of its own for as long as it lives. */
function useHeld(given: HeldSource | undefined): HeldState {
  const { db } = useApp()
  const [source] = useState(() => given ?? createHeldSource(db))
  const [, rerender] = useState(0)
  const state = source.current()
  const shown = useRef(state)
  shown.current = state
  useLayoutEffect(() => {
    const off = source.subscribe(() => rerender((n) => n + 1))
    // A state that came between the render and the subscription.
    if (source.current() !== shown.current) rerender((n) => n + 1)
    return () => {
      off()
      if (!given) source.close()
    }
  }, [source])
  return state
}

export function useReviewData(
  filter: ReviewFilter,
  mode: Mode,
  expanded: ReadonlySet<string>,
  source?: HeldSource,
) {
  const { now } = useApp()
  const held = useHeld(source)
  const rows = held.value?.rows
  const clients = held.value?.clients

  // Snoozed captures come back on their own time, not on a database change: wake up then.
  const [tick, setTick] = useState(0)
  const wake = useMemo(() => (rows ? nextWake(rows, now()) : null), [rows, tick])
  useEffect(() => {
    if (wake === null) return
    // setTimeout's limit is about 24.8 days; a longer snooze is rechecked when it fires.
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(wake - now() + 50, 2 ** 31 - 1))
    return () => clearTimeout(timer)
  }, [wake])

  const split = useMemo(
    () => splitSnoozed(rows ?? [], now(), filter.session),
    [rows, filter.session, tick],
  )
  const empty = useMemo(() => new Map<string, Client>(), [])
  const known = clients ?? empty
  const facets = useMemo(() => facetsOf(split.waiting, known), [split, known])
  const shown = useMemo(
    () => applyFilter(mode === 'waiting' ? split.waiting : split.snoozed, filter, known),
    [split, mode, filter, known],
  )
  const groups = useMemo(() => groupForReview(shown, known), [shown, known])
  const allWaiting = useMemo(
    () => (rows ? rows.length - snoozedOf(rows, now()).length : 0),
    [rows, tick],
  )
  // The headline counts notifications: a flood entry stands for all it counted.
  const notifications = useMemo(
    () => (rows ? notificationsIn(rows) - notificationsIn(snoozedOf(rows, now())) : 0),
    [rows, tick],
  )
  const flat = useMemo(() => flattenRows(groups, expanded), [groups, expanded])

  return {
    loading: !held.value && held.error === undefined,
    error: held.error,
    /** Held captures in any block, waiting now (the page's headline count). */
    allWaiting,
    /** The notifications those stand for (a flood entry counts what it counted). */
    notifications,
    split,
    facets,
    shown,
    groups,
    rows: flat,
    clients: known,
  }
}

const snoozedOf = (rows: readonly CaptureRow[], now: number) =>
  rows.filter((r) => (r.snoozeUntil ?? 0) > now)
