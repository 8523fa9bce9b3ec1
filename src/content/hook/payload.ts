/**
 * Turns what a page passed to the Notification API into the capture the hook reports.
 * Never throws: page values may be cyclic, huge, or objects whose getters or `toString` throw.
 */
import { LIMITS } from '../../core/limits'
import type { PageCapture } from '../../core/messages'
import { stringify } from './natives'

/** Text of a title or body. Non-strings (Messenger passes React-like objects) become JSON. */
export function textOf(value: unknown, max: number): string {
  try {
    if (typeof value === 'string') return value.slice(0, max)
    if (value === undefined || value === null || typeof value === 'symbol') return ''
    if (typeof value === 'object') return (stringify(value) ?? '').slice(0, max)
    return String(value).slice(0, max)
  } catch {
    return ''
  }
}

function field(options: unknown, key: string): unknown {
  try {
    return options !== null && typeof options === 'object'
      ? (options as Record<string, unknown>)[key]
      : undefined
  } catch {
    return undefined
  }
}

export function capture(
  ref: string,
  api: PageCapture['api'],
  mode: PageCapture['mode'],
  title: unknown,
  options: unknown,
): PageCapture {
  return {
    ref,
    api,
    mode,
    title: textOf(title, LIMITS.title),
    body: textOf(field(options, 'body'), LIMITS.body),
    tag: textOf(field(options, 'tag'), LIMITS.tag),
    icon: textOf(field(options, 'icon'), LIMITS.icon),
    data: textOf(field(options, 'data'), LIMITS.data),
    silent: field(options, 'silent') === true,
    requireInteraction: field(options, 'requireInteraction') === true,
  }
}
