/**
 * The object a page gets for a held notification: a real EventTarget whose prototype is the
 * page's own `Notification.prototype`, so `instanceof`, `addEventListener` and `dispatchEvent`
 * are the platform's own. The platform getters on that prototype only work on native objects,
 * so the readable fields, the `on*` handlers and `close()` are own properties here.
 */
const HANDLERS = ['click', 'show', 'error', 'close'] as const

// Taken at document_start, before any page script could replace them.
const construct = Reflect.construct
const defineProperties = Object.defineProperties
const clone = structuredClone
const now = Date.now
const NativeURL = URL
const NativeEvent = Event

export interface StandIn extends EventTarget {
  close(): void
}

type Options = Record<string, unknown>

function read(options: unknown): Options {
  return options !== null && typeof options === 'object' ? (options as Options) : {}
}

export function createStandIn(
  newTarget: new (...args: never[]) => unknown,
  title: unknown,
  options: unknown,
  onClose: () => void,
): StandIn {
  const target = construct(EventTarget, [], newTarget) as StandIn
  const o = read(options)
  // Same conversions as the WebIDL bindings: a Symbol title throws here as it would natively,
  // and `data` is a structured clone, so an uncloneable value throws DataCloneError.
  const icon = o.icon === undefined ? '' : new NativeURL(String(o.icon), location.href).href
  const fields: Record<string, unknown> = {
    title: `${title}`,
    body: o.body === undefined ? '' : `${o.body}`,
    tag: o.tag === undefined ? '' : `${o.tag}`,
    icon,
    image: o.image === undefined ? '' : `${o.image}`,
    badge: o.badge === undefined ? '' : `${o.badge}`,
    dir: o.dir === undefined ? 'auto' : `${o.dir}`,
    lang: o.lang === undefined ? '' : `${o.lang}`,
    data: o.data === undefined ? null : clone(o.data),
    silent: o.silent === undefined ? null : Boolean(o.silent),
    requireInteraction: Boolean(o.requireInteraction),
    renotify: Boolean(o.renotify),
    timestamp: typeof o.timestamp === 'number' ? o.timestamp : now(),
    vibrate: Object.freeze([]),
    actions: Object.freeze([]),
  }
  const props: PropertyDescriptorMap = {}
  for (const [key, value] of Object.entries(fields)) {
    props[key] = { get: () => value, enumerable: true, configurable: true }
  }
  for (const type of HANDLERS) {
    let handler: unknown = null
    target.addEventListener(type, (event) => {
      if (typeof handler === 'function' && handler.call(target, event) === false)
        event.preventDefault()
    })
    props[`on${type}`] = {
      get: () => handler,
      set: (fn: unknown) => {
        handler = typeof fn === 'function' || (fn !== null && typeof fn === 'object') ? fn : null
      },
      enumerable: true,
      configurable: true,
    }
  }
  let closed = false
  props.close = {
    value: function close() {
      if (closed) return
      closed = true
      onClose()
      target.dispatchEvent(new NativeEvent('close'))
    },
    configurable: true,
    writable: true,
  }
  defineProperties(target, props)
  return target
}
