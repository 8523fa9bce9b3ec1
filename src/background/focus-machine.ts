/**
 * Focus sessions. The state lives in IndexedDB and is recomputed from the clock at every wake-up
 * (`reconcile`), never kept only in memory: the worker may be stopped at any moment. Operations
 * run one at a time, and ending is a transaction, so a session ends, and gets its digest, once.
 */

import type { QuietPeriod } from '../core/decide'
import { extendedEnd, type StartRequest, sessionEnd } from '../core/focus'
import { QUIET_KEY, type QuietState } from '../core/quiet-state'
import { createCaptureStore } from '../store/captures'
import { createSessionStore } from '../store/sessions'
import { renderBadge } from './badge'
import { showDigest } from './digest-notice'
import type { BgDeps, Text } from './ports'
import { createTabMuter } from './tabs'

export const END_ALARM = 'focus-end'
const LATE_AFTER_MS = 2 * 60_000

export function createFocusMachine({ browser, db, now }: BgDeps, text: Text) {
  const sessions = createSessionStore(db)
  const captures = createCaptureStore(db)
  const tabs = createTabMuter(browser)
  let queue: Promise<unknown> = Promise.resolve()

  /** Runs operations one after another, so that an alarm and a click cannot interleave. */
  function serial<T>(op: () => Promise<T>): Promise<T> {
    const run = queue.then(op, op)
    queue = run.catch(() => undefined)
    return run
  }

  async function publish(quietUntil: number): Promise<void> {
    const state: QuietState = { quietUntil }
    await browser.storage.local.set({ [QUIET_KEY]: state })
  }

  async function refreshBadge(): Promise<void> {
    const active = await sessions.active()
    const heldInSession = active ? await captures.countHeldInSession(active.id) : 0
    await renderBadge(browser, text, {
      active,
      heldInSession,
      unreviewed: await captures.countUnreviewed(),
    })
  }

  async function deliverDueDigests(): Promise<void> {
    for (const s of await sessions.digestsDue()) {
      // Late: the session ran out while the browser was closed or asleep. Alarms may fire up to
      // a minute after their time, so only a bigger gap counts.
      const late = s.endReason === 'time' && now() - s.endsAt > LATE_AFTER_MS
      await showDigest(browser, text, captures, s, late)
      await sessions.markDigest(s.id, now())
    }
  }

  async function finish(reason: 'time' | 'user'): Promise<boolean> {
    const active = await sessions.active()
    if (!active) return false
    // A session that ran out while nobody was watching ends at its scheduled time.
    const endedAt = reason === 'time' ? Math.min(now(), active.endsAt) : now()
    if (!(await sessions.end(active.id, endedAt, reason))) return false
    await publish(0)
    await browser.alarms.clear(END_ALARM)
    await tabs.unmuteOurs()
    await deliverDueDigests()
    await refreshBadge()
    return true
  }

  async function reconcile(): Promise<void> {
    const active = await sessions.active()
    if (active && active.endsAt <= now()) {
      await finish('time')
      return
    }
    if (active) {
      await publish(active.endsAt)
      const alarm = await browser.alarms.get(END_ALARM)
      if (alarm?.scheduledTime !== active.endsAt)
        await browser.alarms.create(END_ALARM, { when: active.endsAt })
    } else {
      await publish(0)
    }
    await deliverDueDigests()
    await refreshBadge()
  }

  return {
    reconcile: () => serial(reconcile),
    refreshBadge: () => serial(refreshBadge),
    start: (req: StartRequest) =>
      serial(async () => {
        const at = now()
        const endsAt = sessionEnd(at, req)
        if (endsAt instanceof Error) return endsAt
        const { session } = await sessions.start({
          id: crypto.randomUUID(),
          kind: 'manual',
          state: 'active',
          startedAt: at,
          endsAt,
          endedAt: 0,
          endReason: '',
          digestAt: 0,
        })
        await publish(session.endsAt)
        await browser.alarms.create(END_ALARM, { when: session.endsAt })
        await tabs.muteAll()
        await refreshBadge()
        return session
      }),
    end: () => serial(() => finish('user')),
    extend: (minutes: number) =>
      serial(async () => {
        const active = await sessions.active()
        if (!active) return new Error('no focus session is running')
        const endsAt = extendedEnd(now(), active.endsAt, minutes)
        await sessions.setEnd(active.id, endsAt)
        await publish(endsAt)
        await browser.alarms.create(END_ALARM, { when: endsAt })
        await refreshBadge()
        return endsAt
      }),
    /** The quiet period now, read from storage (the worker may have just woken up). */
    async quietPeriod(): Promise<QuietPeriod | null> {
      const active = await sessions.active()
      if (!active || active.endsAt <= now()) return null
      return { kind: 'block', id: active.id, until: active.endsAt }
    },
    muteIfWatched: (tab: Parameters<typeof tabs.muteIfWatched>[0]) =>
      serial(async () => {
        if (await sessions.active()) await tabs.muteIfWatched(tab)
      }),
  }
}

export type FocusMachine = ReturnType<typeof createFocusMachine>
