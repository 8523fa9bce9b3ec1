import { createFloodGate } from '../../core/flood-gate'
import { LIMITS } from '../../core/limits'
import {
  BgToContentMsg,
  CaptureReply,
  type DownMsg,
  type PageCapture,
  type PageDrop,
  PageMsg,
} from '../../core/messages'
import { QUIET_KEY, readQuietState } from '../../core/quiet-state'
import type { Browser } from '../../platform/browser'
import { browser as realBrowser } from '../../platform/browser'
import { DOWN, HELLO, UP } from '../channel'

export type BridgeDeps = Pick<Browser, 'runtime' | 'storage'>

/** Waits before each retry of a capture whose message failed (a stopped worker restarting). */
const RETRY_DELAYS_MS = [200, 1_000, 3_000]

export function startBridge(win: Window, deps: BridgeDeps = realBrowser): void {
  let channel: Node | null = null
  let alive = true
  /** Set synchronously by the hook's `ack` while a `click` is being dispatched. */
  let ack: { ref: string; ok: boolean } | undefined
  const takeAck = () => ack

  const send = (msg: DownMsg) =>
    channel?.dispatchEvent(new CustomEvent(DOWN, { detail: JSON.stringify(msg) }))

  function onHello(event: Event): void {
    const el = (event as MouseEvent).relatedTarget
    if (channel || !(el instanceof Node) || el.isConnected) return
    event.stopImmediatePropagation()
    win.removeEventListener(HELLO, onHello, true)
    channel = el
    el.addEventListener(UP, onUp)
    // Answer at once, so the hook knows a bridge is there; the real state follows.
    send({ k: 'state', quietUntil: -1 })
    deps.storage.local.get(QUIET_KEY).then(
      (items) => send({ k: 'state', ...readQuietState(items[QUIET_KEY]) }),
      () => goodbye(),
    )
  }

  /**
   * Why page traffic was dropped. Summed for a second, then sent to the background, which counts
   * it (`dropped:page:<reason>`) where the user and tests see it; the page only learns nothing.
   */
  let dropped: Partial<Record<PageDrop, number>> = {}
  let dropTimer = false
  function drop(why: PageDrop): void {
    dropped[why] = Math.min((dropped[why] ?? 0) + 1, LIMITS.droppedCountMax)
    if (dropTimer) return
    dropTimer = true
    setTimeout(() => {
      dropTimer = false
      const counts = dropped
      dropped = {}
      deps.runtime.sendMessage({ type: 'content/dropped', dropped: counts }).catch(() => undefined)
    }, 1_000)
  }

  function onUp(event: Event): void {
    const detail = (event as CustomEvent<unknown>).detail
    if (typeof detail !== 'string') return void drop('notString')
    if (detail.length > LIMITS.messageBytes) return void drop('tooBig')
    let raw: unknown
    try {
      raw = JSON.parse(detail)
    } catch {
      return void drop('badJson')
    }
    const parsed = PageMsg.safeParse(raw)
    if (!parsed.success) {
      drop('badShape')
      console.debug('[margen] dropped page message', parsed.error.issues[0]?.message)
      return
    }
    if (parsed.data.k === 'ack') ack = parsed.data
    else if (gate.pass(Date.now())) void forward(parsed.data.cap)
    else flushFloodSoon()
  }

  /**
   * Over the bridge's cap the captures are only counted, and the count goes as one message (the
   * background adds it to the tab's flood row). The page already has its stand-ins: the excess
   * ones stay held, as the flood row is. A count that could not be sent is kept and sent again.
   */
  const gate = createFloodGate(LIMITS.bridgeCapturesPerMinute, 60_000)
  let floodOwed = 0
  let floodTimer = false
  let floodFailures = 0
  function flushFloodSoon(delay = gate.flushIn(Date.now())): void {
    if (floodTimer) return
    floodTimer = true
    setTimeout(() => {
      floodTimer = false
      const all = floodOwed + gate.take(Date.now())
      // One message carries at most the schema's maximum; the rest goes with the next.
      const count = Math.min(all, LIMITS.floodCountMax)
      floodOwed = all - count
      if (count === 0) return
      if (floodOwed > 0) flushFloodSoon(1_000)
      deps.runtime.sendMessage({ type: 'content/flood', count }).then(
        () => {
          floodFailures = 0
        },
        () => {
          // The worker was restarting: send the count again (a few times), unless Margen is gone.
          floodOwed += count
          if (!deps.runtime.id) goodbye()
          else if (++floodFailures <= 5) flushFloodSoon(1_000)
        },
      )
    }, delay)
  }

  /** Shown notifications only need logging: a burst goes to the background as one message. */
  let shown: PageCapture[] = []
  function logShown(cap: PageCapture): void {
    if (shown.push(cap) > 1) return
    setTimeout(() => {
      const all = shown
      shown = []
      for (let i = 0; i < all.length; i += LIMITS.deliveredPerMessage) {
        const caps = all.slice(i, i + LIMITS.deliveredPerMessage)
        deps.runtime.sendMessage({ type: 'content/delivered', caps }).catch(() => {
          if (!deps.runtime.id) goodbye()
        })
      }
    }, 0)
  }

  async function forward(cap: PageCapture): Promise<void> {
    if (cap.mode === 'delivered') return logShown(cap)
    for (let attempt = 0; ; attempt++) {
      try {
        const msg = { type: 'content/capture', cap, ...(attempt > 0 ? { retry: attempt } : {}) }
        const reply = CaptureReply.safeParse(await deps.runtime.sendMessage(msg))
        const verdict = reply.success ? reply.data.verdict : 'deliver'
        return void send({ k: 'verdict', ref: cap.ref, verdict })
      } catch {
        // The worker stopped before answering: it may have stored the capture or not. The next
        // message wakes it, and a retry is answered with what was stored (same ref), so the
        // page's show/hold matches the stored row. Only when Margen stays unreachable (updated,
        // disabled, removed) is it delivered: never swallow a notification because Margen is gone.
        const delay = RETRY_DELAYS_MS[attempt]
        if (!deps.runtime.id || delay === undefined) {
          send({ k: 'verdict', ref: cap.ref, verdict: 'deliver' })
          if (!deps.runtime.id) return goodbye()
          // Still installed: say it was shown, so that a row a stopped worker wrote says so too.
          const shown = { ...cap, mode: 'delivered' as const }
          const msg = { type: 'content/capture', cap: shown, retry: RETRY_DELAYS_MS.length }
          return void deps.runtime.sendMessage(msg).catch(() => undefined)
        }
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  function goodbye(): void {
    if (!alive) return
    alive = false
    // The extension was disabled, updated or removed: the hook stops holding, and every
    // notification goes straight to the platform again.
    send({ k: 'state', quietUntil: 0 })
  }

  win.addEventListener(HELLO, onHello, true)

  deps.storage.onChanged.addListener((changes, area) => {
    const change = changes[QUIET_KEY]
    if (area === 'local' && change) send({ k: 'state', ...readQuietState(change.newValue) })
  })

  deps.runtime.onMessage.addListener((message: unknown) => {
    const parsed = BgToContentMsg.safeParse(message)
    if (!parsed.success) return undefined
    const { ref } = parsed.data
    ack = undefined
    send({ k: 'click', ref })
    const answer = takeAck()
    const clicked = answer?.ref === ref && answer.ok
    return Promise.resolve({ ok: true, clicked })
  })
}
