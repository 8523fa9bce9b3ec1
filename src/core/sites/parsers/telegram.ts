/**
 * Telegram's two web clients, both on web.telegram.org: Web K under /k/, Web A under /a/.
 *
 * Web K — confirmed, morethanwords/tweb `src/lib/appManagers/uiNotificationsManager.ts`
 * (buildNotification, notify); tag forms from `appUsersManager.getUserString` and
 * `appChatsManager.getChatString`:
 * - `new Notification(title, {body, tag: peerString, silent: true, data})`, data
 *   `{custom: {msg_id, peerId}, accountNumber, …}` with peerId as text, negative for chats;
 * - tag: `u<id>[_<hash>]` user, `g<id>` basic group, `s<id>_<hash>` supergroup,
 *   `c<id>_<hash>` channel;
 * - title: the chat's name; "Sender @ Chat" when someone other than the chat wrote in a group;
 *   "Topic (Chat)" in forums, where the body then reads "Sender: text"; with several accounts,
 *   " ➜ <own name>" is appended.
 *
 * Web A — confirmed, Ajaxy/telegram-tt `src/util/notifications.ts` (getNotificationContent,
 * notifyAboutMessage, notifyAboutCall), `getMessageSenderName` in `src/global/helpers`:
 * - page fallback `new Notification(title, {body, tag: String(message.id)})`, no data;
 * - title: the chat's name, plus " 🔕" for silent messages; body "Sender: text" in groups and
 *   channels when someone other than the chat wrote, the text alone in private chats;
 * - calls: `new Notification(<"Incoming call", translated>, {body: caller's name, tag: "call_<id>"})`;
 * - the service worker is given `{chatId, messageId}`; that path cannot be seen from the page,
 *   but a payload carrying it is read the same way (chatId negative for groups and channels).
 */
import type { Site } from '..'
import type { CaptureInput, Parsed } from '../parse'
import { idText, objectOr, plainText, readObject, senderPrefix } from '../text'
import { finish, type Reading } from './shared'

export function telegram(site: Site, cap: CaptureInput): Parsed | null {
  const data = readObject(cap.data)
  const custom = objectOr(data?.custom)
  const kPeer = custom ? peerIdOf(idText(custom.peerId)) : ''
  if (kPeer) return done(site, cap, webK(cap, kPeer))
  const aChat = data && peerIdOf(idText(data.chatId))
  if (aChat) return done(site, cap, webA(cap, aChat))
  const app = appOf(cap.pageUrl)
  if (app === 'k') {
    const peer = peerOfTag(cap.tag)
    return peer ? done(site, cap, webK(cap, peer)) : null
  }
  if (app === 'a') {
    if (CALL_TAG.test(cap.tag)) return done(site, cap, { name: plainText(cap.body) })
    return MESSAGE_ID.test(cap.tag) ? done(site, cap, webA(cap, '')) : null
  }
  return null
}

function done(site: Site, cap: CaptureInput, r: Reading): Parsed {
  return finish(site, cap, 'telegram', true, r)
}

/** Web K: `peer` is the peer id as text, negative for groups and channels. */
function webK(cap: CaptureInput, peer: string): Reading {
  let title = plainText(cap.title)
  // Several accounts: " ➜ <own name>" says which account was notified, not who wrote.
  const arrow = title.lastIndexOf(' \u279C ')
  if (arrow > 0) title = title.slice(0, arrow)
  if (!peer.startsWith('-')) return { name: title, handles: [peer] }
  const at = title.indexOf(' @ ')
  if (at > 0)
    return { name: title.slice(0, at), conversation: title.slice(at + 3), handles: [peer] }
  // Forum topic "Topic (Chat)": the sender, if another than the chat, opens the body.
  if (title.endsWith(')') && title.includes(' (')) {
    const from = senderPrefix(plainText(cap.body))
    return { name: from?.sender ?? '', conversation: title, handles: [peer] }
  }
  // A channel post, or an admin writing as the group: the chat itself is the author.
  return { name: title, handles: [peer] }
}

/** Web A: `chat` is the chat id when the payload carries it, negative for groups and channels. */
function webA(cap: CaptureInput, chat: string): Reading {
  let title = plainText(cap.title)
  if (title.endsWith(' \u{1F515}')) title = title.slice(0, -3).trimEnd()
  const handles = chat ? [chat] : []
  // Private chats (positive id) never get a sender prefix, so a "Note: …" there is text.
  // Without an id the prefix is taken: a group's sender is the likelier reading.
  const from = chat.startsWith('-') || !chat ? senderPrefix(plainText(cap.body)) : null
  if (from) return { name: from.sender, conversation: title, handles }
  return { name: title, handles }
}

/** Which client a page is: "k", "a" or ''. Cheaper than `new URL`, and it runs per capture. */
function appOf(pageUrl: string): string {
  const scheme = pageUrl.indexOf('://')
  if (scheme < 0) return ''
  const slash = pageUrl.indexOf('/', scheme + 3)
  if (slash < 0) return ''
  const app = pageUrl[slash + 1] ?? ''
  const after = pageUrl[slash + 2]
  if (after !== undefined && after !== '/' && after !== '#' && after !== '?') return ''
  return app === 'k' || app === 'a' ? app : ''
}

const PEER_ID = /^-?\d{1,20}$/
const PEER_TAG = /^([ugsc])(\d{1,20})(?:_-?\d{1,24})?$/
const MESSAGE_ID = /^\d{1,20}(?:\.\d{1,10})?$/
const CALL_TAG = /^call_[\w-]{1,64}$/

/** A peer id as Telegram writes it ("12345", "-67890"), or ''. */
function peerIdOf(raw: string): string {
  return PEER_ID.test(raw) && raw !== '0' && raw !== '-0' ? raw : ''
}

/** Web K's tag (`u123_456`, `g789`, `s42_…`) as a peer id: chats are negative, as in its data. */
function peerOfTag(tag: string): string {
  const m = PEER_TAG.exec(tag)
  if (!m) return ''
  return m[1] === 'u' ? (m[2] ?? '') : `-${m[2] ?? ''}`
}
