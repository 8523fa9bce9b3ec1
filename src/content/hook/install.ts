/**
 * Wraps the page's notification APIs. Outside a quiet period the native call runs synchronously
 * and the capture is reported after the current task; during one the page gets a stand-in and
 * the background decides. Until the bridge has said whether a quiet period runs, the hook asks.
 */
import type { DownMsg, PageCapture } from '../../core/messages'
import { openChannel } from './channel-client'
import {
  apply,
  construct,
  defineProperty,
  dispatch,
  getOwnPropertyDescriptor,
  later,
  listen,
  NativeEvent,
  now,
  setAccessor,
  setValue,
  sourceOf,
} from './natives'
import { capture } from './payload'
import { createStandIn, EVENT_TYPES, type StandIn } from './stand-in'

/** Held stand-ins kept for a later "Open"; the oldest are forgotten first. */
const MAX_HELD = 500

interface Held {
  /** Waiting for the background's verdict. */
  pending: boolean
  deliver(): void
  target?: StandIn
}

/**
 * Sites feature-detect by name, length and source text; answer as the original would. The
 * wrappers declare as many parameters as the originals' `length` (1; `open`, 0).
 */
function disguise(fn: object, original: { name: string }): void {
  defineProperty(fn, 'name', { value: original.name })
  const source = sourceOf.call(original)
  setValue(fn, 'toString', () => source)
}

const sync0 = () => undefined
/**
 * Arguments the platform refuses before creating anything (no title; options that are neither
 * an object nor null/undefined). They go to the native API, so the page gets the platform's own
 * error, and no capture is made because nothing was shown.
 */
const refused = (args: IArguments) =>
  args.length < 1 || (args[1] != null && Object(args[1]) !== args[1])
const isNative = (fn: unknown) =>
  typeof fn === 'function' && sourceOf.call(fn).includes('[native code]')

export function installHook(win: Window & typeof globalThis): void {
  const Native = win.Notification
  const Registration = win.ServiceWorkerRegistration
  const originalShow = Registration?.prototype.showNotification
  const prefix = Math.random()
  let counter = 0
  /**
   * The end of the current quiet period: 0 or past, open; -1, not known yet (hold until the bridge
   * says). It starts open, so that without a bridge nothing is held (fail open); the bridge's
   * first word, at once on HELLO, is -1.
   */
  let quietUntil = 0
  const held = new Map<string, Held>()
  let queue: PageCapture[] = []

  const channel = openChannel(win, (msg: DownMsg) => {
    if (msg.k === 'state') quietUntil = msg.quietUntil
    else if (msg.k === 'verdict') {
      const entry = held.get(msg.ref)
      if (!entry?.pending) return
      entry.pending = false
      // Only stand-ins are kept after the verdict, for a later "Open".
      if (!entry.target) held.delete(msg.ref)
      if (msg.verdict === 'deliver') entry.deliver()
    } else if (msg.k === 'click') {
      const target = held.get(msg.ref)?.target
      channel.post({ k: 'ack', ref: msg.ref, ok: target !== undefined })
      if (target) dispatch.call(target, new NativeEvent('click', { cancelable: true }))
    }
  })

  const quiet = () => quietUntil < 0 || now() < quietUntil
  // Reading `Notification.permission` is a synchronous round trip to the browser (~0.2 ms in
  // Chromium 156, ten times the constructor), so the hook keeps its own copy, kept live by the
  // Permissions API. The page's own reads still go to the platform.
  let allowed = Native?.permission === 'granted'
  navigator.permissions?.query({ name: 'notifications' }).then((status) => {
    const sync = () => {
      allowed = status.state === 'granted'
    }
    sync()
    listen.call(status, 'change', sync)
  }, sync0)
  const granted = () => allowed
  const nextRef = () => `${prefix}${++counter}`

  function report(cap: PageCapture): void {
    if (queue.push(cap) > 1) return
    later(() => {
      const batch = queue
      queue = []
      for (const item of batch) channel.post({ k: 'cap', cap: item })
    })
  }

  function hold(ref: string, entry: Held): void {
    held.set(ref, entry)
    if (held.size > MAX_HELD) held.delete(held.keys().next().value as string)
  }

  const Wrapped = function Notification(title: unknown) {
    // biome-ignore lint/complexity/noArguments: a second parameter would change `length`
    const options: unknown = arguments[1]
    // Called without `new`: the platform's own TypeError.
    // biome-ignore lint/complexity/noArguments: forwards the exact argument count
    if (!new.target) return apply(Native, undefined, arguments)
    // biome-ignore lint/complexity/noArguments: checks the exact argument count
    if (!granted() || !quiet() || refused(arguments)) {
      // Native errors (missing title, bad options) surface exactly as they would.
      // biome-ignore lint/complexity/noArguments: forwards the exact argument count
      const real = construct(Native, arguments, new.target) as Notification
      if (granted()) report(capture(nextRef(), 'ctor', 'delivered', title, options))
      return real
    }
    const ref = nextRef()
    const target = createStandIn(new.target as never, title, options, () => held.delete(ref))
    hold(ref, {
      pending: true,
      target,
      deliver() {
        const real = construct(Native, [title, options]) as Notification
        for (const type of EVENT_TYPES) {
          listen.call(real, type, (e) => {
            if (!dispatch.call(target, new NativeEvent(type, { cancelable: e.cancelable })))
              e.preventDefault()
          })
        }
        setValue(target, 'close', () => real.close())
      },
    })
    report(capture(ref, 'ctor', 'pending', title, options))
    return target
  } as unknown as typeof Notification

  // Async, like the platform's promise-returning method: whatever throws becomes a rejection,
  // and, like a native method, it has no `prototype`.
  const showNotification = async function (this: ServiceWorkerRegistration, title: unknown) {
    // biome-ignore lint/complexity/noArguments: a second parameter would change `length`
    const options: unknown = arguments[1]
    // biome-ignore lint/complexity/noArguments: checks the exact argument count
    if (!(this instanceof Registration) || !granted() || !quiet() || refused(arguments)) {
      // biome-ignore lint/complexity/noArguments: forwards the exact argument count
      const result = apply(originalShow, this, arguments) as Promise<void>
      if (this instanceof Registration && granted()) {
        const cap = capture(nextRef(), 'sw', 'delivered', title, options)
        result.then(() => report(cap), sync0)
      }
      return result
    }
    // A title or option the platform cannot convert rejects as it would natively: a stand-in
    // does the same conversions, and throws the same errors.
    createStandIn(Wrapped as never, title, options, sync0)
    const ref = nextRef()
    hold(ref, { pending: true, deliver: () => void apply(originalShow, this, [title, options]) })
    report(capture(ref, 'sw', 'pending', title, options))
  }

  /**
   * A frame whose `src` is set before it is inserted has, until its navigation commits, an
   * initial empty document that no content script reaches, and the page can read it synchronously.
   * When the page reads such a child window through its element, it gets our constructor. The
   * same goes for a popup from `window.open`, read before its URL loads.
   */
  function adopt(child: unknown): void {
    try {
      // A null child throws here, and so does a cross-origin one: not ours to touch, and its own
      // content scripts cover it if it is watched. This window passes as is (already wrapped).
      const w = child as typeof win
      if (isNative(w.Notification)) setValue(w, 'Notification', Wrapped)
    } catch {}
  }

  if (Native) {
    Wrapped.prototype = Native.prototype
    setValue(Native.prototype, 'constructor', Wrapped)
    setAccessor(Wrapped, 'permission', () => Native.permission)
    setAccessor(
      Wrapped,
      'maxActions',
      () => (Native as unknown as { maxActions: number }).maxActions,
    )
    setValue(Wrapped, 'requestPermission', Native.requestPermission.bind(Native))
    disguise(Wrapped, Native)
    setValue(win, 'Notification', Wrapped)
    const frameProto = win.HTMLIFrameElement.prototype
    for (const key of ['contentWindow', 'contentDocument'] as const) {
      const d = getOwnPropertyDescriptor(frameProto, key)
      const get = d?.get
      if (!get) continue
      defineProperty(frameProto, key, {
        ...d,
        get() {
          const value = apply(get, this, []) as (Window & Document) | null
          adopt(key === 'contentWindow' ? value : value?.defaultView)
          return value
        },
      })
    }
    // A popup read before its navigation commits is in the same state: adopt it on the way out.
    const open = win.open
    const wrappedOpen = function (this: unknown) {
      // biome-ignore lint/complexity/noArguments: forwards the exact argument count
      const child = apply(open, this, arguments)
      adopt(child)
      return child
    }
    disguise(wrappedOpen, open)
    setValue(win, 'open', wrappedOpen)
  }
  if (originalShow) {
    disguise(showNotification, originalShow)
    Registration.prototype.showNotification = showNotification
  }
}
