/**
 * Instrumentation of Margen's ISOLATED world, installed over CDP (see isolated.ts): wraps
 * `chrome.runtime.sendMessage` to timestamp each capture the bridge sends and the background's
 * reply, and the world's own `EventTarget.prototype.dispatchEvent` to timestamp each message the
 * bridge hands down to the hook. Timestamps are performance.now() of the document.
 */
import { DOWN } from '../../src/content/channel'

/** What the isolated-world instrumentation records, keyed by the capture's title. */
export interface Records {
  /** Captures the bridge sent, alone or in a burst. */
  calls: number
  sent: Record<string, number>
  replied: Record<string, number>
  verdict: Record<string, string>
  mode: Record<string, string>
  refTitle: Record<string, string>
  down: [number, string][]
  sameFunction: boolean
  timeOrigin: number
}

export const INSTRUMENT = `(() => {
  if (globalThis.__margenBench) return true
  const rec = { calls: 0, sent: {}, replied: {}, verdict: {}, mode: {}, refTitle: {}, down: [] }
  globalThis.__margenBench = rec
  const runtime = chrome.runtime
  const send = runtime.sendMessage
  runtime.sendMessage = function (...args) {
    const t = performance.now()
    // A pending capture goes alone ({cap}); shown ones go in bursts ({caps}).
    const msg = args[0] || {}
    const caps = msg.cap ? [msg.cap] : Array.isArray(msg.caps) ? msg.caps : []
    rec.calls += caps.length
    const p = send.apply(this, args)
    if (caps.length === 0) return p
    for (const cap of caps) {
      rec.sent[cap.title] = t
      rec.mode[cap.title] = cap.mode
      rec.refTitle[cap.ref] = cap.title
    }
    return p.then((reply) => {
      const at = performance.now()
      for (const cap of caps) {
        rec.replied[cap.title] = at
        rec.verdict[cap.title] = reply && (reply.verdict || (reply.ok ? 'deliver' : undefined))
      }
      return reply
    })
  }
  const dispatch = EventTarget.prototype.dispatchEvent
  EventTarget.prototype.dispatchEvent = function (event) {
    if (event.type === ${JSON.stringify(DOWN)} && typeof event.detail === 'string')
      rec.down.push([performance.now(), event.detail])
    return dispatch.call(this, event)
  }
  return true
})()`

export const READ = `(() => ({
  ...globalThis.__margenBench,
  sameFunction: typeof browser === 'object' && browser.runtime.sendMessage === chrome.runtime.sendMessage,
  timeOrigin: performance.timeOrigin,
}))()`
