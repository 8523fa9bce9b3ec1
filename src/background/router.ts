/**
 * The background's front door. Every message is parsed with the zod schema of its direction;
 * content messages are accepted only from content scripts (a tab, a non-extension URL) and UI
 * messages only from the extension's own pages. Anything else is refused with a clear error
 * and counted.
 */
import { z } from 'zod'
import { LIMITS } from '../core/limits'
import { ContentMsg, type Reply, UiMsg } from '../core/messages'

export interface MessageSender {
  id?: string
  url?: string
  origin?: string
  tab?: { id?: number; url?: string }
  frameId?: number
}

/** Where a content message came from, as the browser (not the page) says. */
export interface ContentSource {
  tabId: number
  frameId: number
  url: string
  origin: string
  tabUrl: string
}

export interface RouterDeps {
  extensionId: string
  extensionOrigin: string
  onContent(msg: ContentMsg, from: ContentSource): Promise<Reply>
  onUi(msg: UiMsg): Promise<Reply>
  count(reason: string): void
}

const fail = (error: string): Reply => ({ ok: false, error })

export function createRouter(deps: RouterDeps) {
  function refuse(reason: string, error: string): Reply {
    deps.count(`refused:${reason}`)
    return fail(error)
  }

  return async function route(message: unknown, sender: MessageSender): Promise<Reply> {
    if (sender.id !== deps.extensionId)
      return refuse('foreign', 'messages from other extensions or pages are not accepted')
    let size: number
    try {
      size = JSON.stringify(message)?.length ?? 0
    } catch {
      return refuse('unserialisable', 'message is not JSON')
    }
    const fromPage = sender.url?.startsWith(`${deps.extensionOrigin}/`) === true
    // Pages send whole settings (hundreds of clients); a content script sends one capture or a
    // burst of them.
    const limit = fromPage
      ? LIMITS.uiMessageBytes
      : isDeliveredBatch(message)
        ? LIMITS.messageBytes * LIMITS.deliveredPerMessage
        : LIMITS.messageBytes
    if (size > limit) return refuse('too-large', `message is ${size} bytes; the limit is ${limit}`)

    if (fromPage) {
      const parsed = UiMsg.safeParse(message)
      if (!parsed.success)
        return refuse('invalid-ui', `invalid UI message: ${z.prettifyError(parsed.error)}`)
      return deps.onUi(parsed.data)
    }

    const tabId = sender.tab?.id
    if (tabId === undefined || tabId < 0 || sender.frameId === undefined || !sender.url) {
      return refuse('no-tab', 'content messages must come from a content script in a tab')
    }
    const parsed = ContentMsg.safeParse(message)
    if (!parsed.success)
      return refuse('invalid-content', `invalid content message: ${z.prettifyError(parsed.error)}`)
    const origin =
      sender.origin && sender.origin !== 'null' ? sender.origin : safeOrigin(sender.tab?.url)
    return deps.onContent(parsed.data, {
      tabId,
      frameId: sender.frameId,
      url: sender.url,
      origin,
      tabUrl: sender.tab?.url ?? '',
    })
  }
}

const isDeliveredBatch = (m: unknown) =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'content/delivered'

function safeOrigin(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : ''
  } catch {
    return ''
  }
}
