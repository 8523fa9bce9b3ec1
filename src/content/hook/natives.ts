/**
 * The platform functions the hook relies on, taken once at document_start, before any page script
 * runs. The page may later replace the globals (or `EventTarget.prototype` methods) to watch or
 * steer the hook; it only ever replaces its own copies.
 */
export const construct = Reflect.construct
export const apply = Reflect.apply
export const defineProperty = Object.defineProperty
export const defineProperties = Object.defineProperties
export const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor
export const stringify = JSON.stringify
export const parse = JSON.parse
export const clone = structuredClone
export const now = Date.now
export const later = setTimeout
export const sourceOf = Function.prototype.toString
export const listen = EventTarget.prototype.addEventListener
export const unlisten = EventTarget.prototype.removeEventListener
export const dispatch = EventTarget.prototype.dispatchEvent
export const NativeURL = URL
export const NativeEvent = Event
export const NativeCustomEvent = CustomEvent
export const NativeMouseEvent = MouseEvent

/** A writable, configurable data property: how the platform defines its methods. */
export const setValue = (o: object, key: PropertyKey, value: unknown) =>
  defineProperty(o, key, { value, writable: true, configurable: true })

/** An enumerable, configurable accessor: how the platform defines its attributes. */
export const setAccessor = (
  o: object,
  key: PropertyKey,
  get: () => unknown,
  set?: (v: unknown) => void,
) => defineProperty(o, key, { get, set, enumerable: true, configurable: true })
