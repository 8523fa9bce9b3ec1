/**
 * Grouping held captures by sender: most first, ties by the latest. The digest notification, the
 * popup and the review page all group through here, so they always agree.
 */

export interface DigestItem {
  senderKey: string
  sender: string
  site: string
  at: number
}

export interface SenderGroup<T extends DigestItem = DigestItem> {
  key: string
  sender: string
  site: string
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
      g.count++
      g.latest = Math.max(g.latest, item.at)
      g.items.push(item)
    } else {
      groups.set(item.senderKey, {
        key: item.senderKey,
        sender: item.sender,
        site: item.site,
        count: 1,
        latest: item.at,
        items: [item],
      })
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.latest - a.latest)
}

export function digestOf(items: readonly DigestItem[]): Digest {
  const groups = groupBySender(items)
  return { total: items.length, senders: groups.length, groups }
}

/** "Ana 4, #ops 2, Luis 1, …": the first `max` groups, then an ellipsis if more. */
export function digestLine(digest: Digest, max = 3): string {
  const shown = digest.groups.slice(0, max).map((g) => `${g.sender} ${g.count}`)
  return digest.groups.length > max ? `${shown.join(', ')}, …` : shown.join(', ')
}
