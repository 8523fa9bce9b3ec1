/** Wires the background's parts together. Entry (index.ts) only registers listeners on it. */

import { z } from 'zod'
import { addIdentity } from '../core/clients/add-identity'
import { Identity } from '../core/clients/schema'
import { validateRules } from '../core/clients/validate'
import { fromIssue } from '../core/field-errors'
import { dayIn, LOCAL_ZONE } from '../core/insights/zone'
import type { Reply, UiMsg } from '../core/messages'
import { snoozeUntil, validateSchedule } from '../core/schedule'
import { HISTORY_ERRORS, History, Settings } from '../core/settings'
import { checkImport } from '../core/settings-import'
import { createCaptureStore } from '../store/captures'
import { markNotUrgent } from '../store/clients'
import { summarizeDays } from '../store/insights'
import { deleteAllHistory } from '../store/retention'
import { createSettingsStore } from '../store/settings'
import { createCaptureHandler } from './captures'
import { DIGEST_BUTTONS, DIGEST_PREFIX } from './digest-notice'
import { createFocusMachine, END_ALARM, TICK_ALARM } from './focus-machine'
import { openCapture } from './open-capture'
import { type BgDeps, createText } from './ports'
import { quietNow } from './quiet-now'
import { createRetention, RETENTION_ALARM } from './retention'
import { createRouter } from './router'
import { createStorageRelief } from './storage-full'

/** A refused command: every error, in one message (path: message; …) and as a list. */
function refusal(errors: readonly { path: string; message: string }[]) {
  const error = errors.map((e) => `${e.path}: ${e.message}`).join('; ')
  return { ok: false as const, error, errors: [...errors] }
}

export function createBackground(deps: BgDeps) {
  const { browser, db } = deps
  const text = createText(browser)
  const focus = createFocusMachine(deps, text)
  const captures = createCaptureStore(db)
  const settings = createSettingsStore(db, deps.now)

  /**
   * Refused and dropped messages and parser fallbacks, counted in the database so that the gap
   * shows. Counts made together are written in one transaction, so a flood does not double the
   * store's work.
   */
  const counts = new Map<string, number>()
  function count(key: string, by = 1): void {
    if (counts.size === 0) setTimeout(flushCounts, 0)
    counts.set(key, (counts.get(key) ?? 0) + by)
  }
  function flushCounts(): void {
    const batch = [...counts]
    counts.clear()
    void db
      .transaction('rw', db.counters, async () => {
        const rows = await db.counters.bulkGet(batch.map(([key]) => key))
        await db.counters.bulkPut(
          batch.map(([key, n], i) => ({ key, value: (rows[i]?.value ?? 0) + n })),
        )
      })
      .catch(() => undefined)
  }

  const retention = createRetention(deps, settings)
  /** A capture write failed: make room by the retention policy and tell the user. */
  const relieveStorage = createStorageRelief(deps, text, () => retention.makeRoom(), count)

  async function openReview(notificationId: string): Promise<void> {
    const session = encodeURIComponent(notificationId.slice(DIGEST_PREFIX.length))
    await browser.tabs.create({
      url: browser.runtime.getURL(`src/ui/review/index.html?session=${session}`),
    })
    await browser.notifications.clear(notificationId)
  }

  const done = (value: unknown): Reply =>
    value instanceof Error ? { ok: false, error: value.message } : { ok: true }

  async function onUi(msg: UiMsg): Promise<Reply> {
    switch (msg.type) {
      case 'ui/focus-start':
        return done(await focus.start(msg))
      case 'ui/focus-end':
        await focus.end()
        return { ok: true }
      case 'ui/focus-extend':
        return done(await focus.extend(msg.minutes))
      case 'ui/open-capture': {
        const row = await captures.get(msg.id)
        if (!row) return { ok: false, error: `no capture ${msg.id}` }
        return { ok: true, result: await openCapture(browser, row) }
      }
      case 'ui/mark-done': {
        const changed = await captures.markDone(msg.ids)
        await focus.refreshBadge()
        return { ok: true, changed }
      }
      case 'ui/rules-save': {
        const checked = validateRules(msg.rules)
        if (!checked.ok) return refusal(checked.errors)
        await settings.update((current) => ({ ...current, rules: checked.rules }))
        return { ok: true }
      }
      case 'ui/client-add-identity': {
        const identity = Identity.safeParse(msg.identity)
        if (!identity.success)
          return { ok: false, error: `invalid identity: ${z.prettifyError(identity.error)}` }
        let refused: Reply | null = null
        await settings.update((current) => {
          const added = addIdentity(current.rules, msg, identity.data, () => crypto.randomUUID())
          if (added.ok) return { ...current, rules: added.rules }
          refused = refusal(added.errors)
          return null
        })
        return refused ?? { ok: true }
      }
      case 'ui/mark-not-urgent':
        return { ok: true, changed: await markNotUrgent(db, msg.ids, msg.notUrgent) }
      case 'ui/snooze': {
        const at = deps.now()
        const q = await quietNow(db, at)
        const until = snoozeUntil(q.schedule, at, q.opts)
        const changed = await captures.snooze(msg.ids, until)
        await focus.refreshBadge()
        return { ok: true, changed, until }
      }
      case 'ui/settings-import': {
        const checked = checkImport(msg.settings)
        if (!checked.ok) return refusal(checked.errors)
        await settings.write(checked.settings)
        await focus.reconcile()
        return { ok: true }
      }
      case 'ui/insights-summarize': {
        // Days in the browser's zone, as the page counts them; today is never summarised.
        const today = dayIn(LOCAL_ZONE, deps.now())
        return { ok: true, written: await summarizeDays(db, LOCAL_ZONE, msg.days, today) }
      }
      case 'ui/settings-notice-dismiss':
        await settings.dismissNotice()
        return { ok: true }
      case 'ui/history-delete': {
        const deleted = await deleteAllHistory(db)
        await focus.refreshBadge()
        return { ok: true, deleted }
      }
      case 'ui/history-save': {
        const history = History.safeParse({
          retentionDays: msg.retentionDays,
          interruptionMinutes: msg.interruptionMinutes,
        })
        if (!history.success)
          return refusal(history.error.issues.map((issue) => fromIssue(HISTORY_ERRORS, issue)))
        await settings.update((current) => ({ ...current, history: history.data }))
        return { ok: true }
      }
      case 'ui/settings-save': {
        // The schedule first: its errors come back with paths and codes the page can show.
        const raw = (typeof msg.settings === 'object' && msg.settings) || {}
        const checked = validateSchedule((raw as { schedule?: unknown }).schedule)
        if (!checked.ok) return refusal(checked.errors)
        // Then the rules: the message names each error by its path (under `rules.`).
        const rules = validateRules((raw as { rules?: unknown }).rules)
        if (!rules.ok) {
          const { error } = refusal(rules.errors.map((e) => ({ ...e, path: `rules.${e.path}` })))
          return { ok: false, error }
        }
        const parsed = Settings.safeParse(msg.settings)
        if (!parsed.success) {
          return { ok: false, error: `invalid settings: ${z.prettifyError(parsed.error)}` }
        }
        await settings.write({ ...parsed.data, schedule: checked.schedule, rules: rules.rules })
        await focus.reconcile()
        return { ok: true }
      }
    }
  }

  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    onContent: createCaptureHandler(deps, focus, count, relieveStorage),
    onUi,
    count,
  })

  return {
    route,
    reconcile: () => focus.reconcile(),
    async onAlarm(name: string) {
      if (name === END_ALARM || name === TICK_ALARM) await focus.reconcile()
      else if (name === RETENTION_ALARM) {
        await retention.prune()
        await focus.refreshBadge()
      }
    },
    /** The keyboard shortcut: end what is in force, or start a 50-minute session. */
    async onCommand(command: string) {
      if (command !== 'toggle-focus') return
      if (await focus.quietPeriod()) await focus.end()
      else await focus.start({ minutes: 50 })
    },
    /** First install: the onboarding page (sites, a first block, what Margen cannot hold). */
    async onInstalled(reason: string) {
      await retention.schedule()
      await focus.reconcile()
      if (reason === 'install') {
        await browser.tabs.create({ url: browser.runtime.getURL('src/ui/onboarding/index.html') })
      }
    },
    async onStartup() {
      // Repaired settings are stored with a backup of the original and a notice the popup and
      // options page show (store/settings); the console gets the details too. A repair that
      // cannot be stored (a full disk) must not stop start-up: reads repair in memory anyway.
      const repaired = await settings.readAndRepair().catch((error: unknown) => {
        console.error('[margen] settings repair not stored', error)
        return null
      })
      if (repaired?.repairs.length) console.warn('[margen] settings repaired', repaired.repairs)
      await retention.schedule()
      await focus.reconcile()
    },
    /** A click on the digest reviews its block. */
    async onNotificationClicked(id: string) {
      if (!id.startsWith(DIGEST_PREFIX)) return
      await openReview(id)
    },
    /** The digest's buttons: Review (as a click), Dismiss (close; the items stay to review). */
    async onNotificationButtonClicked(id: string, index: number) {
      if (!id.startsWith(DIGEST_PREFIX)) return
      if (DIGEST_BUTTONS[index] === 'review') await openReview(id)
      else await browser.notifications.clear(id)
    },
    onTabUpdated: (tab: { id?: number; url?: string; mutedInfo?: { muted: boolean } }) =>
      focus.muteIfWatched(tab),
  }
}
