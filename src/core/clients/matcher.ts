/**
 * Who a notification is from, in the user's terms: which client, and whether it is an
 * emergency sender. The rules are compiled once per settings change into maps keyed by the
 * normal form of each identity, so a lookup costs a handful of map reads however many clients
 * there are (the budget: ≥ 200k decisions/s with 500 clients × 5 identities).
 *
 * Precedence, for clients and for emergency senders alike:
 *   1. an email address the payload carries, in the order the parser gave them;
 *   2. a handle (chat id, phone number, user name) the payload carries;
 *   3. a whole domain of one of those addresses, the most specific first (a.acme.com, acme.com);
 *   4. the display name, then the conversation name.
 * An identity limited to a site only counts on that site. When two identities fit the same
 * key, the one listed first (client order, then identity order) wins. `naiveMatch` states the
 * same thing as a plain scan; the property test holds the two equal.
 */
import { domainsOf } from './identity'
import { type Client, type Identity, type IdentityKind, normIdentity } from './schema'

/** What the site parser read about the sender (see core/sites/parse). */
export interface SenderFacts {
  site: string
  name: string
  conversation: string
  emails: readonly string[]
  handles: readonly string[]
}

export interface IdentityHit {
  identity: Identity
  /** The client's position in the list, for clients; -1 for emergency senders. */
  client: number
}

export interface Match {
  client: Client | null
  /** The identity that made the client match. */
  via: Identity | null
  /** The emergency-sender identity that matched, if any. */
  emergency: Identity | null
}

type Index = Map<string, IdentityHit[]>

const key = (kind: IdentityKind, norm: string) => `${kind}\u0000${norm}`

function indexOf(lists: readonly (readonly Identity[])[]): Index {
  const index: Index = new Map()
  lists.forEach((identities, client) => {
    for (const identity of identities) {
      const norm = normIdentity(identity.kind, identity.value)
      if (!norm) continue
      const k = key(identity.kind, norm)
      const hits = index.get(k)
      if (hits) hits.push({ identity, client })
      else index.set(k, [{ identity, client }])
    }
  })
  return index
}

/** The lookups to try, in precedence order. */
function candidates(f: SenderFacts): [IdentityKind, string][] {
  const out: [IdentityKind, string][] = []
  for (const e of f.emails) out.push(['email', normIdentity('email', e)])
  for (const h of f.handles) out.push(['handle', normIdentity('handle', h)])
  for (const e of f.emails)
    for (const d of domainsOf(normIdentity('email', e))) out.push(['domain', d])
  out.push(['name', normIdentity('name', f.name)])
  if (f.conversation) out.push(['name', normIdentity('name', f.conversation)])
  return out
}

function first(index: Index, f: SenderFacts): IdentityHit | null {
  for (const [kind, norm] of candidates(f)) {
    if (!norm) continue
    const hits = index.get(key(kind, norm))
    if (!hits) continue
    for (const hit of hits) if (hit.identity.site === '' || hit.identity.site === f.site) return hit
  }
  return null
}

export interface Matcher {
  match(f: SenderFacts): Match
}

export function compileMatcher(
  clients: readonly Client[],
  emergency: readonly Identity[],
): Matcher {
  const byClient = indexOf(clients.map((c) => c.identities))
  const byEmergency = indexOf([emergency])
  return {
    match(f) {
      const hit = first(byClient, f)
      const em = first(byEmergency, f)
      return {
        client: hit ? (clients[hit.client] ?? null) : null,
        via: hit?.identity ?? null,
        emergency: em?.identity ?? null,
      }
    },
  }
}

/** The same rules as a plain scan over every identity: the reference the index is tested against. */
export function naiveMatch(
  clients: readonly Client[],
  emergency: readonly Identity[],
  f: SenderFacts,
): Match {
  const scan = (lists: readonly (readonly Identity[])[]): IdentityHit | null => {
    for (const [kind, norm] of candidates(f)) {
      if (!norm) continue
      for (let c = 0; c < lists.length; c++)
        for (const identity of lists[c] ?? [])
          if (
            identity.kind === kind &&
            normIdentity(kind, identity.value) === norm &&
            (identity.site === '' || identity.site === f.site)
          )
            return { identity, client: c }
    }
    return null
  }
  const hit = scan(clients.map((c) => c.identities))
  const em = scan([emergency])
  return {
    client: hit ? (clients[hit.client] ?? null) : null,
    via: hit?.identity ?? null,
    emergency: em?.identity ?? null,
  }
}
