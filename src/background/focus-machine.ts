/**
 * Quiet periods: scheduled blocks, off-hours and manual sessions. The state lives in IndexedDB
 * and is recomputed from the clock at every wake-up (`reconcile`), never kept only in memory:
 * the worker may be stopped at any moment. Operations run one at a time, and ending is a
 * transaction, so each period ends, and gets its digest, once.
 */

import type { QuietPeriod } from '../core/decide'
import { extendedEnd, type StartRequest, sessionEnd } from '../core/focus'
import { QUIET_KEY, type QuietState } from '../core/quiet-state'
import { createCaptureStore } from '../store/captures'
import type { SessionRow } from '../store/db'
import { createSessionStore } from '../store/sessions'
import { readSettings } from '../store/settings'
import { renderBadge } from './badge'
import { showDigest } from './digest-notice'
import { faultPoint } from './faults'
import type { BgDeps, Text } from './ports'
import { labelOf, MANUAL_KEY, type ManualSession, quietNow } from './quiet-now'
import { createTabMuter } from './tabs'

export const END_ALARM = 'focus-end'
/** Recomputes now and then, for what no event announces (a time-zone change). */
export const TICK_ALARM = 'focus-tick'
const LATE_AFTER_MS = 2 * 60_000

export function createFocusMachine({ browser, db, now }: BgDeps, text: Text) {
  const sessions = createSessionStore(db)
  const captures = createCaptureStore(db)
  const tabs = createTabMuter(browser)
  let queue: Promise<unknown> = Promise.resolve()
  let badgeDue = false

  /** Runs operations one after another, so that an alarm and a click cannot interleave. */
  function serial<T>(op: () => Promise<T>): Promise<T> {
    const run = queue.then(op, op)
    queue = run.catch(() => undefined)
    return run
  }

  /** Every content script listens to this key: write it only when it changes. */
  async function publish(quietUntil: number): Promise<void> {
    const stored = (await browser.storage.local.get(QUIET_KEY))[QUIET_KEY] as QuietState | undefined
    if (stored?.quietUntil !== quietUntil) {
      await browser.storage.local.set({ [QUIET_KEY]: { quietUntil } satisfies QuietState })
    }
  }
  const setManual = (m: ManualSession | null) => db.kv.put({ key: MANUAL_KEY, value: m })

  async function refreshBadge(): Promise<void> {
    const active = await sessions.active()
    const heldInSession = active ? await captures.countHeldInSession(active.id) : 0
    await renderBadge(browser, text, {
      active,
      heldInSession,
      unreviewed: await captures.countUnreviewed(now()),
    })
  }

  async function deliverDueDigests(): Promise<void> {
    for (const s of await sessions.digestsDue()) {
      // Late: it ran out while the browser was closed or asleep (alarms may lag up to a minute).
      const late = s.endReason === 'time' && now() - s.endsAt > LATE_AFTER_MS
      // Shown, then marked: a worker stopped in between shows it again at its next start, under
      // the same id (the session's), which replaces the first rather than adding a second.
      await faultPoint('before-digest')
      await showDigest(browser, text, { db, captures }, s, late)
      await faultPoint('after-digest')
      await sessions.markDigest(s.id, now())
    }
  }

  async function finish(active: SessionRow, reason: 'time' | 'user'): Promise<void> {
    // A period that ran out while nobody was watching ends at its scheduled time; a clock set
    // back before the period began still never ends it before its start.
    const endedAt = Math.max(
      active.startedAt,
      reason === 'time' ? Math.min(now(), active.endsAt) : now(),
    )
    await sessions.end(active.id, endedAt, reason)
  }

  async function reconcile(): Promise<void> {
    const at = now()
    const state = await quietNow(db, at)
    const { quiet } = state
    let active = await sessions.active()
    if (active && active.id !== quiet?.id) {
      await finish(active, 'time')
      active = undefined
    }
    if (quiet) {
      const endsAt = state.next ?? quiet.until
      if (!active) {
        await sessions.start(
          rowFor(quiet, state.manual, at, endsAt, labelOf(state.schedule, quiet.id)),
        )
        await tabs.muteAll(state.unwatched)
      } else if (active.endsAt !== endsAt) await sessions.setEnd(active.id, endsAt)
      await publish(quiet.until)
    } else {
      await publish(0)
      await tabs.unmuteOurs()
    }
    if (state.next === null) await browser.alarms.clear(END_ALARM)
    else if ((await browser.alarms.get(END_ALARM))?.scheduledTime !== state.next) {
      await browser.alarms.create(END_ALARM, { when: state.next })
    }
    if (!(await browser.alarms.get(TICK_ALARM)))
      await browser.alarms.create(TICK_ALARM, { periodInMinutes: 5 })
    await deliverDueDigests()
    await refreshBadge()
  }

  return {
    reconcile: () => serial(reconcile),
    refreshBadge: () => serial(refreshBadge),
    start: (req: StartRequest) =>
      serial(async () => {
        const at = now()
        const until = sessionEnd(at, req)
        if (until instanceof Error) return until
        const { quiet } = await quietNow(db, at)
        // A session that ends inside the quiet period already running extends nothing.
        if (!quiet || quiet.until < until)
          await setManual({ id: crypto.randomUUID(), startedAt: at, until })
        await reconcile()
        return (await sessions.active()) ?? new Error('no quiet period started')
      }),
    /** "End now": ends what is in force, and whatever would take over at once, until open. */
    end: () =>
      serial(async () => {
        await setManual(null)
        for (let i = 0; i < 3; i++) {
          const active = await sessions.active()
          if (active) await finish(active, 'user')
          const { quiet, schedule, next } = await quietNow(db, now())
          if (!quiet) break
          if (quiet.id !== active?.id) {
            const row = rowFor(quiet, null, now(), next ?? quiet.until, labelOf(schedule, quiet.id))
            await sessions.recordSkipped({
              ...row,
              state: 'ended',
              endedAt: now(),
              endReason: 'user',
              digestAt: now(),
            })
          }
        }
        await reconcile()
      }),
    extend: (minutes: number) =>
      serial(async () => {
        const at = now()
        const active = await sessions.active()
        if (!active) return new Error('no focus session is running')
        const { quiet } = await quietNow(db, at)
        const until = extendedEnd(at, quiet?.until ?? active.endsAt, minutes)
        await setManual({
          id: active.kind === 'manual' ? active.id : crypto.randomUUID(),
          startedAt: at,
          until,
        })
        await reconcile()
        return until
      }),
    /**
     * The quiet period now. On the capture path: a running period is read straight from the
     * store, not queued behind other work; only a missing or run-out one waits for a full
     * recompute (the worker may have slept through a boundary).
     */
    async quietPeriod(): Promise<QuietPeriod | null> {
      let active = await sessions.active()
      if (!active || active.endsAt <= now()) {
        await serial(reconcile)
        active = await sessions.active()
      }
      if (!active) return null
      return {
        kind: active.kind === 'off-hours' ? 'off-hours' : 'block',
        id: active.id,
        until: active.endsAt,
      }
    },
    /** The badge after a capture: a burst of captures asks for one refresh, not one each. */
    badgeSoon() {
      if (badgeDue) return
      badgeDue = true
      setTimeout(() => {
        badgeDue = false
        void serial(refreshBadge)
      }, 250)
    },
    muteIfWatched: (tab: Parameters<typeof tabs.muteIfWatched>[0]) =>
      serial(async () => {
        if (await sessions.active())
          await tabs.muteIfWatched(tab, new Set((await readSettings(db)).settings.unwatched))
      }),
  }
}

function rowFor(
  quiet: QuietPeriod,
  manual: ManualSession | null,
  at: number,
  endsAt: number,
  label: string | undefined,
): SessionRow {
  const kind =
    quiet.kind === 'off-hours' ? 'off-hours' : quiet.id === manual?.id ? 'manual' : 'block'
  return {
    id: quiet.id,
    kind,
    ...(label ? { label } : {}),
    state: 'active',
    startedAt: manual?.id === quiet.id ? manual.startedAt : at,
    endsAt,
    endedAt: 0,
    endReason: '',
    digestAt: 0,
  }
}

export type FocusMachine = ReturnType<typeof createFocusMachine>
