/**
 * The object a page gets for a held notification: a real EventTarget whose prototype is the
 * page's own `Notification.prototype`, so `instanceof`, `addEventListener` and `dispatchEvent`
 * are the platform's own. The platform getters on that prototype only work on native objects,
 * so the readable fields, the `on*` handlers and `close()` are own properties here.
 */
import {
  clone,
  construct,
  dispatch,
  listen,
  NativeEvent,
  NativeURL,
  now,
  setAccessor,
  setValue,
  unlisten,
} from './natives'

export const EVENT_TYPES = ['click', 'show', 'error', 'close'] as const

export interface StandIn extends EventTarget {
  close(): void
}

type Options = Record<string, unknown>

/** String attributes: each defaults to '', except `dir` ('auto'). */
const TEXT = ['body', 'tag', 'image', 'badge', 'lang', 'dir']
/** `vibrate` and `actions`: always empty on a non-persistent notification. */
const NONE = Object.freeze([])

/** The platform resolves `icon` against the page, and an unparsable URL reads back as ''. */
function urlOf(text: string): string {
  try {
    // `location` as the base: it stringifies to its href (a few bytes less in the hook).
    return new NativeURL(text, location as unknown as string).href
  } catch {
    return ''
  }
}

export function createStandIn(
  newTarget: new (...args: never[]) => unknown,
  title: unknown,
  options: unknown,
  onClose: () => void,
): StandIn {
  const target = construct(EventTarget, [], newTarget) as StandIn
  // The caller sent primitives (which the platform refuses) to the native API; functions and
  // arrays are dictionaries to WebIDL, read member by member like any object.
  const o = (options == null ? {} : Object(options)) as Options
  // Same conversions as the WebIDL bindings: a Symbol title throws here as it would natively,
  // and `data` is a structured clone, so an uncloneable value throws DataCloneError.
  const fields: Record<string, unknown> = {
    title: `${title}`,
    icon: o.icon === undefined ? '' : urlOf(`${o.icon}`),
    data: o.data === undefined ? null : clone(o.data),
    silent: o.silent === undefined ? null : Boolean(o.silent),
    requireInteraction: Boolean(o.requireInteraction),
    renotify: Boolean(o.renotify),
    timestamp: typeof o.timestamp === 'number' ? o.timestamp : now(),
    vibrate: NONE,
    actions: NONE,
  }
  for (const key of TEXT)
    fields[key] = o[key] === undefined ? (key === 'dir' ? 'auto' : '') : `${o[key]}`
  for (const [key, value] of Object.entries(fields)) setAccessor(target, key, () => value)
  for (const type of EVENT_TYPES) {
    let handler: unknown = null
    const invoke = (event: Event) => {
      if (typeof handler === 'function' && handler.call(target, event) === false)
        event.preventDefault()
    }
    // Like an IDL event handler: its listener takes its place in the order when first set,
    // and leaves the list when set to null.
    setAccessor(
      target,
      `on${type}`,
      () => handler,
      (fn) => {
        // Functions and other objects are kept; primitives clear the handler.
        const next = Object(fn) === fn ? fn : null
        if (next && !handler) listen.call(target, type, invoke)
        if (!next && handler) unlisten.call(target, type, invoke)
        handler = next
      },
    )
  }
  let closed = false
  setValue(target, 'close', function close() {
    if (closed) return
    closed = true
    onClose()
    dispatch.call(target, new NativeEvent('close'))
  })
  return target
}
