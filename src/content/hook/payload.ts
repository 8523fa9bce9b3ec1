/**
 * Turns what a page passed to the Notification API into the capture the hook reports.
 * Never throws: page values may be cyclic, huge, or objects whose getters or `toString` throw.
 */
import { BODY_MAX, DATA_MAX, ICON_MAX, TAG_MAX, TITLE_MAX } from '../../core/limits'
import type { PageCapture } from '../../core/messages'
import { stringify } from './natives'

/** Text of a title or body. Non-strings (Messenger passes React-like objects) become JSON. */
export function textOf(value: unknown, max: number): string {
  try {
    if (value == null) return ''
    return (typeof value === 'object' ? (stringify(value) ?? '') : String(value)).slice(0, max)
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
  // One read of every member, as the platform's own dictionary conversion does; a getter that
  // throws there makes the page's own call throw too, so losing the fields loses nothing real.
  let o: Record<string, unknown> = {}
  try {
    o = { ...(options as object) }
  } catch {}
  return {
    ref,
    api,
    mode,
    title: textOf(title, TITLE_MAX),
    body: textOf(o.body, BODY_MAX),
    tag: textOf(o.tag, TAG_MAX),
    icon: textOf(o.icon, ICON_MAX),
    data: textOf(o.data, DATA_MAX),
  }
}
