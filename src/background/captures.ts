/**
 * A capture from a content script: read who it is from, decide, store, then answer, so that a
 * stopped worker loses nothing.
 */
import type { CompiledRules } from '../core/clients/compile'
import { historyOf, historySince, isBreakthrough } from '../core/clients/history'
import { normName } from '../core/clients/identity'
import { readCapture } from '../core/clients/read'
import type { Client } from '../core/clients/schema'
import { decide, type History, NO_HISTORY, OPEN } from '../core/decide'
import type { CaptureReply, ContentMsg, PageCapture, Reply } from '../core/messages'
import { type Site, siteForUrl } from '../core/sites'
import type { Parsed } from '../core/sites/parse'
import { createCaptureStore } from '../store/captures'
import { pastOf } from '../store/clients'
import type { CaptureRow } from '../store/db'
import { faultFail, faultPoint } from './faults'
import { createFloodKeeper } from './flood'
import type { FocusMachine } from './focus-machine'
import { placeOf } from './place'
import type { BgDeps } from './ports'
import type { ContentSource } from './router'
import { createRulesCache } from './rules-cache'
import { createSerial } from './serial'

/** The identity a suggestion would add: an address, else a handle, else the name. */
function bestIdentity(p: Parsed): Pick<CaptureRow, 'idKind' | 'idValue'> {
  if (p.emails[0]) return { idKind: 'email', idValue: p.emails[0] }
  if (p.handles[0]) return { idKind: 'handle', idValue: p.handles[0] }
  return { idKind: 'name', idValue: p.name }
}

/** How far back a retried capture is looked for: the bridge retries within seconds. */
const RETRY_WINDOW_MS = 5 * 60_000

export function createCaptureHandler(
  { db, now }: BgDeps,
  focus: FocusMachine,
  /** Adds `by` (default 1) to a counter. */
  count: (key: string, by?: number) => void,
  /** Called when a capture could not be written (quota, failed transaction): makes room. */
  onWriteFailed: (error: unknown) => Promise<void> = async () => undefined,
) {
  const captures = createCaptureStore(db)
  const current = createRulesCache(db)
  const serial = createSerial()
  // Over the per-tab and per-origin limits, captures go into one flood row (./flood.ts).
  const floods = createFloodKeeper({ db, add: store, count, badgeSoon: () => focus.badgeSoon() })

  /** The client's recent past; only a block or off-hours, and a client with rules, need it. */
  async function historyFor(client: Client | undefined, at: number): Promise<History> {
    if (!client || client.tier === 'low-tolerance') return NO_HISTORY
    return historyOf(await pastOf(db, client.id, historySince(client, at)), client, at)
  }

  /**
   * Writes a capture; if that fails, makes room and tries once more. Resolves with its id, or
   * undefined when it could not be stored: the caller then delivers it (never lost unseen).
   */
  async function store(row: Omit<CaptureRow, 'id'>): Promise<number | undefined> {
    try {
      faultFail('write-fails')
      return await captures.add(row)
    } catch (error) {
      count('store:write-failed')
      console.warn('[margen] a capture could not be stored', error)
      try {
        await onWriteFailed(error)
        faultFail('write-fails')
        return await captures.add(row)
      } catch {
        count('store:not-stored-delivered')
        return undefined
      }
    }
  }

  /**
   * What a capture sent again was stored as, if the stopped worker had written it. Sent again as
   * `delivered`, the bridge gave up waiting and let the page show it: a row stored as held then
   * says delivered, so that nothing is both shown and waiting for review.
   */
  async function storedBefore(cap: PageCapture, from: ContentSource): Promise<Reply | null> {
    const row = await captures.findRecent(from.tabId, from.origin, cap.ref, now() - RETRY_WINDOW_MS)
    if (cap.mode === 'delivered') {
      count('capture:failed-open')
      if (row?.status === 'held' && (await captures.markShown(row.id))) focus.badgeSoon()
    } else count(row ? 'capture:retry-stored' : 'capture:retry-new')
    if (!row) return null
    const verdict = cap.mode === 'delivered' ? 'deliver' : row.verdict
    return { ok: true, id: row.id, verdict, reason: row.reason } satisfies CaptureReply
  }

  async function record(
    cap: PageCapture,
    site: Site,
    from: ContentSource,
    rules: CompiledRules,
    retry = 0,
  ): Promise<Reply> {
    // Sent again after the worker stopped mid-way: answer with what was stored, not a second row.
    const before = retry > 0 ? await storedBefore(cap, from) : null
    if (before) return before
    const { parsed, who, keyword } = readCapture(rules, site, {
      title: cap.title,
      body: cap.body,
      tag: cap.tag,
      data: cap.data,
      pageUrl: from.tabUrl || from.url,
    })
    if (!parsed.recognised) count(`parser:generic:${site.id}`)
    const clientId = who.client?.id ?? ''
    const pending = cap.mode === 'pending'
    // What the page already showed was decided by the hook (open time), and stays delivered.
    const quiet = pending ? await focus.quietPeriod() : null
    const task = async (): Promise<Reply> => {
      const at = now()
      // A flood is counted, not read one by one: no rules, no history reads, one row updated.
      const over = floods.admit(from, at)
      if (over !== 'ok') return floods.overflow(over, 1, site, from, quiet, at)
      const decision = quiet
        ? decide({
            quiet,
            site: site.id,
            who,
            keyword,
            emergencyChannel: rules.emergencyChannel,
            history: who.emergency ? NO_HISTORY : await historyFor(who.client ?? undefined, at),
          })
        : OPEN
      const breakthrough = isBreakthrough(decision)
      await faultPoint('before-write')
      const id = await store({
        ...placeOf(site, from, quiet, at),
        ref: cap.ref,
        api: cap.api,
        title: cap.title,
        body: cap.body,
        tag: cap.tag,
        icon: cap.icon,
        data: cap.data,
        sender: parsed.name,
        senderKey: senderKey(site, parsed),
        clientId,
        ...bestIdentity(parsed),
        conversation: parsed.conversation,
        verdict: decision.verdict,
        reason: decision.reason,
        why: decision.why,
        keyword,
        urgent: breakthrough || keyword !== '' ? 1 : 0,
        notUrgent: 0,
        status: decision.verdict === 'hold' ? 'held' : 'delivered',
      })
      // Not stored: deliver it rather than hold what nobody could review (fail open).
      if (id === undefined)
        return { ok: true, verdict: 'deliver', reason: decision.reason } satisfies CaptureReply
      await faultPoint('after-write')
      if (decision.verdict === 'hold') focus.badgeSoon()
      return {
        ok: true,
        id,
        verdict: decision.verdict,
        reason: decision.reason,
      } satisfies CaptureReply
    }
    // One client's messages in a quiet period are decided one at a time, each seeing the one
    // before it stored; anything else needs no history and is written with its burst.
    return quiet && clientId ? serial(clientId, task) : task()
  }

  return async function onContent(msg: ContentMsg, from: ContentSource): Promise<Reply> {
    const site = siteForUrl(from.origin) ?? siteForUrl(from.tabUrl)
    if (!site) {
      count('refused:not-a-watched-site')
      return { ok: false, error: 'captures are accepted only from the built-in sites' }
    }
    const { settings, rules } = await current()
    // A site the user chose not to watch: its notifications pass, and nothing is recorded.
    if (settings.unwatched.includes(site.id)) {
      count('passed:unwatched-site')
      return { ok: true, verdict: 'deliver', reason: 'open' } satisfies CaptureReply
    }
    if (msg.type === 'content/capture') return record(msg.cap, site, from, rules, msg.retry)
    // What the bridge counted over its own cap: its tab is flooding.
    if (msg.type === 'content/flood')
      return floods.overflow('tab', msg.count, site, from, await focus.quietPeriod(), now())
    // What the bridge refused on its private channel: counted where the user and tests see it.
    if (msg.type === 'content/dropped') {
      for (const [why, n = 0] of Object.entries(msg.dropped))
        if (n > 0) count(`dropped:page:${why}`, n)
      return { ok: true }
    }
    // Together, so that the store writes the burst in one transaction.
    await Promise.all(msg.caps.map((cap) => record(cap, site, from, rules)))
    return { ok: true }
  }
}

/** Groups one sender's captures: by the identity the payload carried, else by name. */
function senderKey(site: Site, p: Parsed): string {
  const id = p.emails[0] ?? (p.handles[0] ? `@${p.handles[0]}` : normName(p.name))
  return `${site.id}:${id}`
}
