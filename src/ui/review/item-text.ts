/**
 * How a held message reads in its review row. Under a conversation's header the chat's name is
 * already said, and so is the sender, so a title that repeats either is dropped, and so is the
 * "Sender: " a group chat puts before each message (WhatsApp does).
 */

import { plainText } from '../../core/sites/text'
import type { CaptureRow } from '../../store/db'
import { type CaptureText, captureText } from '../components/display'
import type { I18n } from '../i18n'

type Item = Pick<CaptureRow, 'title' | 'body' | 'sender' | 'conversation' | 'flood'>

export function itemText(i18n: I18n, item: Item): CaptureText {
  // A flood entry (no conversation, no page text) reads as its count: see captureText.
  if (item.conversation === '' || item.flood) return captureText(i18n, item)
  const title = plainText(item.title)
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()
  const body = withoutSender(plainText(item.body), item.sender)
  // A title that is the chat's name counts as saying who wrote, as the sender's name would.
  const sender = same(title, item.conversation) ? title : item.sender
  return captureText(i18n, { title, body, sender })
}

function withoutSender(body: string, sender: string): string {
  const prefix = `${sender}:`
  return sender !== '' && body.toLowerCase().startsWith(prefix.toLowerCase())
    ? body.slice(prefix.length).trimStart()
    : body
}
