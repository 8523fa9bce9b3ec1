/**
 * Turns what a page passed to the Notification API into the capture the hook reports.
 * Never throws: page values may be cyclic, huge, or objects whose getters or `toString` throw.
 */
import { BODY_MAX, DATA_MAX, ICON_MAX, TAG_MAX, TITLE_MAX } from '../../core/limits'
import type { PageCapture } from '../../core/messages'
import { stringify } from './natives'

/**
 * Text of one member, read inside the guard: a Proxy trap or getter that throws loses that
 * field only. Non-strings (Messenger passes React-like objects) become JSON.
 */
function textOf(o: Record<string, unknown> | undefined, key: string, max: number): string {
  try {
    const value = o?.[key]
    if (value == null) return ''
    // A `toJSON` may return undefined: `.slice` then throws, and the field is ''.
    return (typeof value === 'object' ? stringify(value) : String(value)).slice(0, max)
  } catch {
    return ''
  }
}

export function capture(
  ref: string,
  api: PageCapture['api'],
  mode: PageCapture['mode'],
  title: unknown,
  options: unknown,
): PageCapture {
  // Only the members Margen keeps are read, one by one, as the platform's dictionary conversion
  // does: copying the whole object would run a Proxy's `ownKeys` trap, which the platform never
  // calls, and a throwing trap would lose every field.
  const o = options as Record<string, unknown> | undefined
  return {
    ref,
    api,
    mode,
    title: textOf({ title }, 'title', TITLE_MAX),
    body: textOf(o, 'body', BODY_MAX),
    tag: textOf(o, 'tag', TAG_MAX),
    icon: textOf(o, 'icon', ICON_MAX),
    data: textOf(o, 'data', DATA_MAX),
  }
}
