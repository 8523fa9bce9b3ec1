/** Grouping held captures for the digest: by sender, most first, ties by latest. */

export interface DigestItem {
  senderKey: string
  sender: string
  site: string
  at: number
}

export interface DigestGroup {
  senderKey: string
  sender: string
  site: string
  count: number
  latest: number
}

export interface Digest {
  total: number
  senders: number
  groups: DigestGroup[]
}

export function groupBySender(items: readonly DigestItem[]): Digest {
  const groups = new Map<string, DigestGroup>()
  for (const item of items) {
    const g = groups.get(item.senderKey)
    if (g) {
      g.count++
      g.latest = Math.max(g.latest, item.at)
    } else {
      groups.set(item.senderKey, {
        senderKey: item.senderKey,
        sender: item.sender,
        site: item.site,
        count: 1,
        latest: item.at,
      })
    }
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || b.latest - a.latest)
  return { total: items.length, senders: sorted.length, groups: sorted }
}

/** "Ana 4, Slack #ops 2, Luis 1, …": the first `max` groups, then an ellipsis if more. */
export function digestLine(digest: Digest, max = 3): string {
  const shown = digest.groups.slice(0, max).map((g) => `${g.sender} ${g.count}`)
  return digest.groups.length > max ? `${shown.join(', ')}, …` : shown.join(', ')
}
