/**
 * The review page's grouping: held captures by CLIENT, then by CONVERSATION, then in BURSTS.
 *
 * - Client: a capture's clientId names a client of the settings. A capture with no client, or
 *   whose client was deleted since, is grouped by its sender (personKey, bursts.ts) instead,
 *   and has no reply-due: no response time was agreed with an unknown sender.
 * - Conversation: the capture's chat, group or thread (site + name, case-insensitive), or, when
 *   it has none, the direct conversation with its sender (senderKey).
 * - Burst: see bursts.ts.
 *
 * Order, chosen for a user clearing the page in one sitting, most pressing first:
 * 1. client groups, by earliest reply-due (the commitment that runs out first; overdue ones
 *    come first by construction), ties by more messages, then by name;
 * 2. then sender groups (unknown senders), most messages first, ties by the latest message,
 *    then by name: the digest's order (core/digest.ts), so the two agree on who "wrote most";
 * 3. inside a group, conversations by their oldest waiting message (the one waiting longest;
 *    within one client that is also the earliest reply-due), ties by key;
 * 4. inside a conversation, bursts and their messages oldest first, as a conversation reads.
 */
import { type Counted, notificationsIn } from '../flood'
import { type Burst, personKey, splitBursts } from './bursts'

/**
 * What grouping reads of a capture (a CaptureRow has all of it). Counts are of notifications:
 * a flood entry counts as many as it counted, so a flood ranks by what it stands for.
 */
export interface ReviewItem extends Counted {
  id: number
  at: number
  sender: string
  senderKey: string
  site: string
  /** '' when the capture matched no client. */
  clientId: string
  /** The chat, group or thread; '' for a direct message. */
  conversation: string
}

/** What grouping reads of a client of the settings. */
export interface ReviewClient {
  id: string
  name: string
  colour: string
  /** Hours within which the user means to answer. */
  responseHours: number
}

export interface Conversation<T extends ReviewItem = ReviewItem> {
  key: string
  /** The chat's name, or the sender's for a direct conversation. */
  name: string
  site: string
  /** true for a direct conversation (the captures had no conversation name). */
  direct: boolean
  count: number
  oldest: number
  latest: number
  /** oldest + the client's response time; null for an unknown sender. */
  replyDue: number | null
  bursts: Burst<T>[]
}

export interface ReviewGroup<T extends ReviewItem = ReviewItem> {
  /** `c:<clientId>` or `s:<personKey>` (bursts.ts). */
  key: string
  kind: 'client' | 'sender'
  /** The client's name, or the sender's. */
  name: string
  /** '' for a sender group. */
  clientId: string
  /** The client's colour; '' for a sender group. */
  colour: string
  /** null for a sender group. */
  responseHours: number | null
  count: number
  oldest: number
  latest: number
  /** The earliest reply-due of its conversations; null for a sender group. */
  replyDue: number | null
  conversations: Conversation<T>[]
}

const HOUR_MS = 3_600_000

/** When a reply is due for a message that arrived at `at`; null without a response time. */
export const replyDueAt = (at: number, responseHours: number | null): number | null =>
  responseHours === null ? null : at + responseHours * HOUR_MS

/** The group a capture belongs to, given the clients by id: its client's, or its sender's. */
export function groupKeyOf(item: ReviewItem, clients: ReadonlyMap<string, ReviewClient>): string {
  return item.clientId !== '' && clients.has(item.clientId)
    ? `c:${item.clientId}`
    : `s:${personKey(item)}`
}

export function conversationKeyOf(item: ReviewItem): string {
  return item.conversation === ''
    ? `d:${item.senderKey}`
    : `g:${item.site}:${item.conversation.toLowerCase()}`
}

export function groupForReview<T extends ReviewItem>(
  items: readonly T[],
  clients: ReadonlyMap<string, ReviewClient>,
): ReviewGroup<T>[] {
  // group key → conversation key → items
  const byGroup = new Map<string, { first: T; convs: Map<string, T[]> }>()
  for (const item of items) {
    const gk = groupKeyOf(item, clients)
    let g = byGroup.get(gk)
    if (!g) {
      g = { first: item, convs: new Map() }
      byGroup.set(gk, g)
    }
    const ck = conversationKeyOf(item)
    const list = g.convs.get(ck)
    if (list) list.push(item)
    else g.convs.set(ck, [item])
  }
  const groups: ReviewGroup<T>[] = []
  for (const [key, { first, convs }] of byGroup) {
    const client = key.startsWith('c:') ? clients.get(first.clientId) : undefined
    const hours = client ? client.responseHours : null
    const conversations = [...convs].map(([ck, list]) => conversationOf(ck, list, hours))
    conversations.sort((a, b) => a.oldest - b.oldest || compare(a.key, b.key))
    let count = 0
    let latest = Number.NEGATIVE_INFINITY
    for (const c of conversations) {
      count += c.count
      latest = Math.max(latest, c.latest)
    }
    const oldest = conversations[0]?.oldest ?? Number.POSITIVE_INFINITY
    groups.push({
      key,
      kind: client ? 'client' : 'sender',
      name: client ? client.name : first.sender,
      clientId: client ? client.id : '',
      colour: client ? client.colour : '',
      responseHours: hours,
      count,
      oldest,
      latest,
      replyDue: replyDueAt(oldest, hours),
      conversations,
    })
  }
  return groups.sort(byUrgency)
}

function conversationOf<T extends ReviewItem>(
  key: string,
  list: T[],
  hours: number | null,
): Conversation<T> {
  list.sort((a, b) => a.at - b.at || a.id - b.id)
  const first = list[0] as T
  const last = list[list.length - 1] as T
  const direct = first.conversation === ''
  return {
    key,
    name: direct ? first.sender : first.conversation,
    site: first.site,
    direct,
    count: notificationsIn(list),
    oldest: first.at,
    latest: last.at,
    replyDue: replyDueAt(first.at, hours),
    bursts: splitBursts(list),
  }
}

function byUrgency(a: ReviewGroup<ReviewItem>, b: ReviewGroup<ReviewItem>): number {
  if (a.kind !== b.kind) return a.kind === 'client' ? -1 : 1
  if (a.replyDue !== null && b.replyDue !== null && a.replyDue !== b.replyDue)
    return a.replyDue - b.replyDue
  return (
    b.count - a.count ||
    (a.kind === 'sender' ? b.latest - a.latest : 0) ||
    compare(a.name, b.name) ||
    compare(a.key, b.key)
  )
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
