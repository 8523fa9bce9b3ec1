/**
 * WhatsApp Web. Its notifications are read by their tag, the only field that says where a
 * message came from.
 *
 * Sources and confidence:
 * - page constructor: reported — desktop wrappers replace `window.Notification` on
 *   web.whatsapp.com and receive its notifications (diospiroverde/WazzApp
 *   `src/scripts/notifications.js`, stephtr/MultiMessenger `MultiMessenger/Resources/WebViewInjection.js`);
 * - tag = the chat's JID, `user@server`, the server saying what the chat is: `c.us` or `lid` a
 *   person, `g.us` a group, `status@broadcast` status, `newsletter` a channel; some tags
 *   identify one message instead: reported, rafatosta/zapzap pull request #833;
 * - a message's id, serialised `true|false_<chat JID>_<id>[_<participant JID>]`, the participant
 *   being who wrote in a group: confirmed, orkestral/venom
 *   `src/lib/wapi/functions/get-new-message-id.js` and message ids seen in WAHA/whatsapp-web.js
 *   payloads;
 * - title = the chat's name; in groups the body "Sender: text": unconfirmed (from the project's
 *   brief; no source found). Read only when the tag says group, and optional.
 */
import type { Site } from '..'
import type { CaptureInput, Parsed } from '../parse'
import { plainText, senderPrefix } from '../text'
import { finish, type Reading } from './shared'

interface Jid {
  user: string
  server: string
}

export function whatsapp(site: Site, cap: CaptureInput): Parsed | null {
  const ids = tagIds(cap.tag.trim())
  if (!ids) return null
  const reading = readingOf(ids.chat, ids.participant, plainText(cap.title), cap.body)
  return reading && finish(site, cap, 'whatsapp', true, reading)
}

function readingOf(
  chat: Jid,
  participant: Jid | null,
  title: string,
  body: string,
): Reading | null {
  switch (chat.server) {
    case 'c.us':
    case 's.whatsapp.net':
    case 'lid':
      return { name: title, handles: [personHandle(chat)] }
    case 'g.us': {
      const from = senderPrefix(plainText(body))
      const handles = [`${chat.user}@g.us`]
      if (participant && isPerson(participant)) handles.push(personHandle(participant))
      return { name: from?.sender ?? '', conversation: title, handles }
    }
    case 'newsletter':
      // A channel: the channel itself is the author.
      return { name: title, handles: [`${chat.user}@newsletter`] }
    case 'broadcast':
      // Status posts: not a message to the user, so they carry no identity to match a client by.
      return chat.user === 'status' ? { name: title } : null
    default:
      return null
  }
}

/** The chat (and in groups, the sender) a tag names, or null when it names neither. */
function tagIds(tag: string): { chat: Jid; participant: Jid | null } | null {
  if (!tag.startsWith('true_') && !tag.startsWith('false_')) {
    const chat = jidOf(tag)
    return chat && { chat, participant: null }
  }
  const parts = tag.split('_', 5)
  if (parts.length < 3 || parts.length > 4 || !MESSAGE_ID.test(parts[2] ?? '')) return null
  const chat = jidOf(parts[1] ?? '')
  const participant = parts[3] === undefined ? null : jidOf(parts[3])
  if (!chat || (parts[3] !== undefined && !participant)) return null
  return { chat, participant }
}

const SERVERS = new Set(['c.us', 's.whatsapp.net', 'lid', 'g.us', 'broadcast', 'newsletter'])
/** The user part: digits, with "-" in old group ids and ":device" in some person JIDs. */
const USER = /^[0-9a-z][0-9a-z.:-]{0,63}$/i
const MESSAGE_ID = /^[0-9a-z]{1,64}$/i

function jidOf(raw: string): Jid | null {
  const at = raw.indexOf('@')
  if (at <= 0 || raw.indexOf('@', at + 1) >= 0) return null
  const server = raw.slice(at + 1).toLowerCase()
  const user = raw.slice(0, at)
  return SERVERS.has(server) && USER.test(user) ? { user, server } : null
}

function isPerson(j: Jid): boolean {
  return j.server === 'c.us' || j.server === 's.whatsapp.net' || j.server === 'lid'
}

/**
 * A person as a handle: a phone JID becomes its number (normHandle keeps the digits, so it
 * matches "+34 600 111 222"); a lid is not a phone number and keeps its server, whole.
 */
function personHandle(j: Jid): string {
  const colon = j.user.indexOf(':')
  const user = colon > 0 ? j.user.slice(0, colon) : j.user
  return j.server === 'lid' ? `${user}@lid` : user
}
