import { LIMITS } from '../../core/limits'
import {
  BgToContentMsg,
  CaptureReply,
  type DownMsg,
  type PageCapture,
  PageMsg,
} from '../../core/messages'
import { QUIET_KEY, readQuietState } from '../../core/quiet-state'
import type { Browser } from '../../platform/browser'
import { browser as realBrowser } from '../../platform/browser'
import { DOWN, HELLO, UP } from '../channel'

export type BridgeDeps = Pick<Browser, 'runtime' | 'storage'>

/** Why page traffic was dropped, counted so the gap shows (console only: pages can't read it). */
const dropped = { notString: 0, tooBig: 0, badJson: 0, badShape: 0 }

export function startBridge(win: Window, deps: BridgeDeps = realBrowser): void {
  let channel: Element | null = null
  let alive = true
  /** Set synchronously by the hook's `ack` while a `click` is being dispatched. */
  let ack: { ref: string; ok: boolean } | undefined
  const takeAck = () => ack

  const send = (msg: DownMsg) =>
    channel?.dispatchEvent(new CustomEvent(DOWN, { detail: JSON.stringify(msg) }))

  function onHello(event: Event): void {
    const el = (event as MouseEvent).relatedTarget
    if (channel || !(el instanceof Element) || el.isConnected) return
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

  function onUp(event: Event): void {
    const detail = (event as CustomEvent<unknown>).detail
    if (typeof detail !== 'string') return void dropped.notString++
    if (detail.length > LIMITS.messageBytes) return void dropped.tooBig++
    let raw: unknown
    try {
      raw = JSON.parse(detail)
    } catch {
      return void dropped.badJson++
    }
    const parsed = PageMsg.safeParse(raw)
    if (!parsed.success) {
      dropped.badShape++
      console.debug('[margen] dropped page message', parsed.error.issues[0]?.message, dropped)
      return
    }
    if (parsed.data.k === 'ack') ack = parsed.data
    else void forward(parsed.data.cap)
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
    try {
      const reply = CaptureReply.safeParse(
        await deps.runtime.sendMessage({ type: 'content/capture', cap }),
      )
      if (cap.mode === 'pending')
        send({
          k: 'verdict',
          ref: cap.ref,
          verdict: reply.success ? reply.data.verdict : 'deliver',
        })
    } catch {
      // The background could not be reached (extension updated, disabled or removed): never
      // swallow a notification because Margen is gone.
      if (cap.mode === 'pending') send({ k: 'verdict', ref: cap.ref, verdict: 'deliver' })
      if (!deps.runtime.id) goodbye()
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
