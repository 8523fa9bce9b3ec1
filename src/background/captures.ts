/** A capture from a content script: decide, store, then answer, so a stopped worker loses nothing. */
import { decide } from '../core/decide'
import { LIMITS } from '../core/limits'
import type { CaptureReply, ContentMsg, PageCapture, Reply } from '../core/messages'
import { createRateLimiter } from '../core/rate-limit'
import { senderOf } from '../core/sender'
import { type Site, siteForUrl } from '../core/sites'
import { createCaptureStore } from '../store/captures'
import { readSettings } from '../store/settings'
import type { FocusMachine } from './focus-machine'
import type { BgDeps } from './ports'
import type { ContentSource } from './router'

export function createCaptureHandler(
  { db, now }: BgDeps,
  focus: FocusMachine,
  count: (key: string) => void,
) {
  const captures = createCaptureStore(db)
  const limiter = createRateLimiter(LIMITS.capturesPerTabPerMinute, 60_000)

  async function record(cap: PageCapture, site: Site, from: ContentSource): Promise<Reply> {
    const at = now()
    // What the page already showed was decided by the hook (open time): no period to look up.
    const quiet = cap.mode === 'delivered' ? null : await focus.quietPeriod()
    // What the page already showed stays "delivered", whatever the clock says now.
    const decision =
      cap.mode === 'delivered'
        ? { verdict: 'deliver' as const, reason: 'open' as const }
        : decide(quiet)
    if (!limiter.allow(String(from.tabId), at)) {
      count('dropped:rate-limited')
      return { ok: true, verdict: decision.verdict, reason: decision.reason } satisfies CaptureReply
    }
    const sender = senderOf(site, cap.title)
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
      sender: sender.name,
      senderKey: sender.key,
      verdict: decision.verdict,
      reason: decision.reason,
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

  return async function onContent(msg: ContentMsg, from: ContentSource): Promise<Reply> {
    const site = siteForUrl(from.origin) ?? siteForUrl(from.tabUrl)
    if (!site) {
      count('refused:not-a-watched-site')
      return { ok: false, error: 'captures are accepted only from the built-in sites' }
    }
    // A site the user chose not to watch: its notifications pass, and nothing is recorded.
    if ((await readSettings(db)).settings.unwatched.includes(site.id)) {
      count('passed:unwatched-site')
      return { ok: true, verdict: 'deliver', reason: 'open' } satisfies CaptureReply
    }
    if (msg.type === 'content/capture') return record(msg.cap, site, from)
    // Together, so that the store writes the burst in one transaction.
    await Promise.all(msg.caps.map((cap) => record(cap, site, from)))
    return { ok: true }
  }
}
