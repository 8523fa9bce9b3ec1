/**
 * The router under test, as its unit and fuzz tests both build it: an extension id, two kinds
 * of sender, and handlers that record what they were handed.
 */
import type { ContentMsg, Reply, UiMsg } from '../core/messages'
import { type ContentSource, createRouter, type MessageSender } from './router'

export const ID = 'abcdefghijklmnopabcdefghijklmnop'
export const ORIGIN = `chrome-extension://${ID}`

/** A content script in a Gmail tab. */
export const tabSender: MessageSender = {
  id: ID,
  url: 'https://mail.google.com/mail/u/0/',
  origin: 'https://mail.google.com',
  tab: { id: 7, url: 'https://mail.google.com/mail/u/0/' },
  frameId: 0,
}
/** One of Margen's own pages (the popup). */
export const pageSender: MessageSender = { id: ID, url: `${ORIGIN}/src/ui/popup/index.html` }

/** A router whose handlers record each message and answer `answer`; `counted` gets its counters. */
export function routerUnderTest(answer: Reply = { ok: true }) {
  const seen = {
    content: [] as [ContentMsg, ContentSource][],
    ui: [] as UiMsg[],
    counted: [] as string[],
  }
  const route = createRouter({
    extensionId: ID,
    extensionOrigin: ORIGIN,
    onContent: async (msg, from) => {
      seen.content.push([msg, from])
      return answer
    },
    onUi: async (msg) => {
      seen.ui.push(msg)
      return answer
    },
    count: (k) => seen.counted.push(k),
  })
  return { route, seen, answer }
}
