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
import { LIMITS } from '../core/limits'
import type { CaptureReply, ContentMsg, PageCapture, Reply } from '../core/messages'
import { createRateLimiter } from '../core/rate-limit'
import { type Site, siteForUrl } from '../core/sites'
import type { Parsed } from '../core/sites/parse'
import { createCaptureStore } from '../store/captures'
import { pastOf } from '../store/clients'
import type { CaptureRow } from '../store/db'
import type { FocusMachine } from './focus-machine'
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

export function createCaptureHandler(
  { db, now }: BgDeps,
  focus: FocusMachine,
  count: (key: string) => void,
) {
  const captures = createCaptureStore(db)
  const current = createRulesCache(db)
  const serial = createSerial()
  const limiter = createRateLimiter(LIMITS.capturesPerTabPerMinute, 60_000)

  /** The client's recent past; only a block or off-hours, and a client with rules, need it. */
  async function historyFor(client: Client | undefined, at: number): Promise<History> {
    if (!client || client.tier === 'low-tolerance') return NO_HISTORY
    return historyOf(await pastOf(db, client.id, historySince(client, at)), client, at)
  }

  async function record(cap: PageCapture, site: Site, from: ContentSource, rules: CompiledRules) {
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
      if (!limiter.allow(String(from.tabId), at)) {
        count('dropped:rate-limited')
        return {
          ok: true,
          verdict: decision.verdict,
          reason: decision.reason,
        } satisfies CaptureReply
      }
      const breakthrough = isBreakthrough(decision)
      const id = await captures.add({
        at,
        sessionId: quiet?.id ?? '',
        site: site.id,
        origin: from.origin,
        pageUrl: from.tabUrl || from.url,
        tabId: from.tabId,
        frameId: from.frameId,
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
    if (msg.type === 'content/capture') return record(msg.cap, site, from, rules)
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
