/** The hook's end of the private channel (see ../channel.ts). */
import type { DownMsg, PageMsg } from '../../core/messages'
import { DOWN, HELLO, UP } from '../channel'
import { dispatch, listen, NativeCustomEvent, NativeMouseEvent, parse, stringify } from './natives'

export interface HookChannel {
  post(msg: PageMsg): void
}

export function openChannel(win: Window, onMessage: (msg: DownMsg) => void): HookChannel {
  const el = win.document.createElement('span')
  listen.call(el, DOWN, (event) => {
    const detail = (event as CustomEvent<unknown>).detail
    if (typeof detail !== 'string') return
    try {
      onMessage(parse(detail) as DownMsg)
    } catch {
      // The bridge only sends what its schema allows; anything else is ignored.
    }
  })
  dispatch.call(win, new NativeMouseEvent(HELLO, { relatedTarget: el }))
  return {
    post(msg) {
      dispatch.call(el, new NativeCustomEvent(UP, { detail: stringify(msg) }))
    },
  }
}
