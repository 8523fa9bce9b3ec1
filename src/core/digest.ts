/**
 * Grouping held captures: by sender for the popup, and by client for the digest notification
 * ("Acme 5, Beta 2, 3 others"), where a sender of no client stands alone. Most first, ties by
 * the latest, everywhere, so the notification and the pages agree on who comes first. Counts
 * are of notifications: a flood entry counts as many as it counted (core/flood.ts).
 */
import { type Counted, notificationsIn, notificationsOf } from './flood'

export interface DigestItem extends Counted {
  senderKey: string
  sender: string
  site: string
  at: number
  /** The client it came from ('' or absent: none). */
  clientId?: string
}

export interface SenderGroup<T extends DigestItem = DigestItem> {
  key: string
  sender: string
  site: string
  /** Notifications, not items: a flood entry counts as many as it counted. */
  count: number
  latest: number
  /** In the order they were given. */
  items: T[]
}

export interface Digest {
  total: number
  senders: number
  groups: SenderGroup[]
}

export function groupBySender<T extends DigestItem>(items: readonly T[]): SenderGroup<T>[] {
  const groups = new Map<string, SenderGroup<T>>()
  for (const item of items) {
    const g = groups.get(item.senderKey)
    if (g) {
      g.count += notificationsOf(item)
      g.latest = Math.max(g.latest, item.at)
      g.items.push(item)
    } else {
      groups.set(item.senderKey, {
        key: item.senderKey,
        sender: item.sender,
        site: item.site,
        count: notificationsOf(item),
        latest: item.at,
        items: [item],
      })
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.latest - a.latest)
}

/**
 * The digest of a block: one group per client (named from `clientNames`), and one per sender of
 * no client. A client id that is no longer in the rules falls back to the sender.
 */
export function digestOf(
  items: readonly DigestItem[],
  clientNames: ReadonlyMap<string, string> = new Map(),
): Digest {
  const keyed = items.map((item) => {
    const name = item.clientId ? clientNames.get(item.clientId) : undefined
    return name === undefined
      ? item
      : { ...item, senderKey: `client:${item.clientId}`, sender: name }
  })
  const groups = groupBySender(keyed)
  return { total: notificationsIn(items), senders: groups.length, groups }
}

/**
 * "Acme 5, Beta 2, 3 others": the first `max` groups by name, then the messages of the rest
 * (`others(n)` words it), so that the numbers add up to the total. A rest of one group is
 * named instead.
 */
export function digestLine(
  digest: Digest,
  others: (n: number) => string,
  number: (n: number) => string = String,
  max = 2,
): string {
  const named = digest.groups.length === max + 1 ? max + 1 : max
  const shown = digest.groups.slice(0, named).map((g) => `${g.sender} ${number(g.count)}`)
  const rest = digest.groups.slice(named).reduce((n, g) => n + g.count, 0)
  return rest > 0 ? [...shown, others(rest)].join(', ') : shown.join(', ')
}
