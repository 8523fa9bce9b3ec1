/** The hook's end of the private channel (see ../channel.ts). */
import type { DownMsg, PageMsg } from '../../core/messages'
import { DOWN, HELLO, UP } from '../channel'
import { dispatch, listen, NativeCustomEvent, NativeMouseEvent, parse, stringify } from './natives'

export interface HookChannel {
  post(msg: PageMsg): void
}

export function openChannel(win: Window, onMessage: (msg: DownMsg) => void): HookChannel {
  // A detached text node: the smallest EventTarget the bridge can take as a relatedTarget.
  const el = new Text()
  listen.call(el, DOWN, (event) => {
    try {
      // Only the bridge reaches this element, and it sends JSON strings its schema allows;
      // anything else fails to parse or matches no `k`, and is ignored.
      onMessage(parse((event as CustomEvent<string>).detail) as DownMsg)
    } catch {}
  })
  dispatch.call(win, new NativeMouseEvent(HELLO, { relatedTarget: el }))
  return {
    post(msg) {
      dispatch.call(el, new NativeCustomEvent(UP, { detail: stringify(msg) }))
    },
  }
}
