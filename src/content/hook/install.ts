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
 * wrappers declare one parameter, as the originals' `length` is 1.
 */
function disguise(fn: object, original: object, name: string): void {
  defineProperty(fn, 'name', { value: name })
  const source = sourceOf.call(original)
  setValue(fn, 'toString', () => source)
}

const sync0 = () => undefined
const isNative = (fn: unknown) =>
  typeof fn === 'function' && sourceOf.call(fn).includes('[native code]')

export function installHook(win: Window & typeof globalThis): void {
  const Native = win.Notification
  const Registration = win.ServiceWorkerRegistration
  const originalShow = Registration?.prototype.showNotification
  const prefix = Math.random().toString(36).slice(2, 10)
  let counter = 0
  /** False until the bridge answers: without a bridge nothing is held (fail open). */
  let connected = false
  /** -1: not known yet; otherwise the end of the current quiet period (0 or past: open). */
  let quietUntil = -1
  const held = new Map<string, Held>()
  let queue: PageCapture[] = []

  const channel = openChannel(win, (msg: DownMsg) => {
    connected = true
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

  const quiet = () => connected && (quietUntil < 0 || now() < quietUntil)
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
  const nextRef = () => `${prefix}-${++counter}`

  function report(cap: PageCapture): void {
    if (queue.push(cap) > 1) return
    later(() => {
      const batch = queue
      queue = []
      for (const item of batch) channel.post({ k: 'cap', cap: item })
    }, 0)
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
    if (!granted() || !quiet()) {
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

  const showNotification = function (this: ServiceWorkerRegistration, title: unknown) {
    // biome-ignore lint/complexity/noArguments: a second parameter would change `length`
    const options: unknown = arguments[1]
    if (!(this instanceof Registration) || !granted() || !quiet()) {
      // biome-ignore lint/complexity/noArguments: forwards the exact argument count
      const result = apply(originalShow, this, arguments) as Promise<void>
      if (this instanceof Registration && granted()) {
        const cap = capture(nextRef(), 'sw', 'delivered', title, options)
        result.then(
          () => report(cap),
          () => undefined,
        )
      }
      return result
    }
    const ref = nextRef()
    hold(ref, { pending: true, deliver: () => void apply(originalShow, this, [title, options]) })
    report(capture(ref, 'sw', 'pending', title, options))
    return Promise.resolve()
  }

  /**
   * A frame whose `src` is set before it is inserted has, until its navigation commits, an
   * initial empty document that no content script reaches, and the page can read it synchronously.
   * When the page reads such a child window through its element, it gets our constructor.
   */
  function adopt(child: unknown): void {
    try {
      const w = child as typeof win | null
      if (w && w !== win && isNative(w.Notification)) {
        setValue(w, 'Notification', Wrapped)
      }
    } catch {
      // Cross-origin: not ours to touch, and its own content scripts cover it if it is watched.
    }
  }

  if (typeof Native === 'function') {
    Wrapped.prototype = Native.prototype
    setValue(Native.prototype, 'constructor', Wrapped)
    setAccessor(Wrapped, 'permission', () => Native.permission)
    setAccessor(
      Wrapped,
      'maxActions',
      () => (Native as unknown as { maxActions: number }).maxActions,
    )
    setValue(Wrapped, 'requestPermission', Native.requestPermission.bind(Native))
    disguise(Wrapped, Native, 'Notification')
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
  }
  if (Registration && originalShow) {
    disguise(showNotification, originalShow, 'showNotification')
    Registration.prototype.showNotification = showNotification
  }
}
