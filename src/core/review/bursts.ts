/**
 * Bursts: chat senders write in volleys ("hi" · "are you there?" · "the file"), and five lines
 * that say one thing should take one line of the review. A burst is a run of CONSECUTIVE
 * messages of one conversation from one sender, each at most BURST_GAP_MS after the previous
 * one (a gap of exactly 5 minutes still joins). The rule chains, so a burst may span longer than
 * 5 minutes as long as no gap inside it does. Another sender's message in between ends it:
 * interleaved senders make separate bursts, which keeps the conversation's order readable.
 */

import { normName } from '../clients/identity'

export const BURST_GAP_MS = 5 * 60_000

export interface BurstItem {
  id: number
  at: number
  sender: string
  senderKey: string
  site: string
  /** The chat, group or thread; '' for a direct message. */
  conversation: string
}

/**
 * Who wrote a capture. A capture's senderKey is the best identity its payload carried, and in a
 * group chat that is often the chat's own id (a WhatsApp group's JID), the same for everyone in
 * it; there the sender's name tells people apart.
 */
export const personKey = (item: BurstItem): string =>
  item.conversation === '' ? item.senderKey : `${item.senderKey}|${normName(item.sender)}`

export interface Burst<T extends BurstItem = BurstItem> {
  /** `b:<id of its first message>`: stable while that message waits. */
  key: string
  sender: string
  /** personKey of its messages. */
  person: string
  site: string
  /** Times of its first and last messages. */
  first: number
  last: number
  /** Oldest first. */
  items: T[]
}

/** Splits one conversation's messages, given oldest first, into bursts (oldest first). */
export function splitBursts<T extends BurstItem>(items: readonly T[]): Burst<T>[] {
  const bursts: Burst<T>[] = []
  let current: Burst<T> | undefined
  for (const item of items) {
    const person = personKey(item)
    if (current && current.person === person && item.at - current.last <= BURST_GAP_MS) {
      current.items.push(item)
      current.last = item.at
      continue
    }
    current = {
      key: `b:${item.id}`,
      sender: item.sender,
      person,
      site: item.site,
      first: item.at,
      last: item.at,
      items: [item],
    }
    bursts.push(current)
  }
  return bursts
}
