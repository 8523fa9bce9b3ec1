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
import { domainsOf, normHandle, normName } from './identity'
import { type Client, type Identity, type IdentityKind, normIdentity } from './schema'

/** What the site parser read about the sender (see core/sites/parse). */
export interface SenderFacts {
  site: string
  name: string
  conversation: string
  /** Valid addresses (the site parsers give them in normal form). */
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

/** One map per kind of identity, keyed by the normal form. */
type Index = Record<IdentityKind, Map<string, IdentityHit[]>>

function indexOf(lists: readonly (readonly Identity[])[]): Index {
  const index: Index = { email: new Map(), domain: new Map(), name: new Map(), handle: new Map() }
  lists.forEach((identities, client) => {
    for (const identity of identities) {
      const norm = normIdentity(identity.kind, identity.value)
      if (!norm) continue
      const byNorm = index[identity.kind]
      const hits = byNorm.get(norm)
      if (hits) hits.push({ identity, client })
      else byNorm.set(norm, [{ identity, client }])
    }
  })
  return index
}

const isEmpty = (index: Index) =>
  index.email.size + index.domain.size + index.name.size + index.handle.size === 0

/** Normal forms to look up, per kind, each list in precedence order. */
interface Lookups {
  email: string[]
  handle: string[]
  domain: string[]
  name: string[]
}

/** The kinds in precedence order. */
const ORDER = ['email', 'handle', 'domain', 'name'] as const

/**
 * What to look up. The site parsers give addresses in normal form already, so they are only
 * lower-cased here (not checked again), which keeps other callers (a try, a suggestion) safe
 * at little cost.
 */
function lookups(f: SenderFacts): Lookups {
  const email: string[] = []
  const domain: string[] = []
  for (const raw of f.emails) {
    const e = raw.trim().toLowerCase()
    if (e) email.push(e)
  }
  for (const e of email) for (const d of domainsOf(e)) domain.push(d)
  const handle: string[] = []
  for (const h of f.handles) {
    const n = normHandle(h)
    if (n) handle.push(n)
  }
  const name: string[] = []
  const n = normName(f.name)
  if (n) name.push(n)
  const c = f.conversation ? normName(f.conversation) : ''
  if (c) name.push(c)
  return { email, handle, domain, name }
}

function first(index: Index, look: Lookups, site: string): IdentityHit | null {
  for (const kind of ORDER) {
    const byNorm = index[kind]
    if (byNorm.size === 0) continue
    for (const norm of look[kind]) {
      const hits = byNorm.get(norm)
      if (!hits) continue
      for (const hit of hits) if (hit.identity.site === '' || hit.identity.site === site) return hit
    }
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
      // The lookups are worked out once, for clients and emergency senders alike.
      const look = lookups(f)
      const hit = first(byClient, look, f.site)
      const em = isEmpty(byEmergency) ? null : first(byEmergency, look, f.site)
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
    const look = lookups(f)
    for (const kind of ORDER)
      for (const norm of look[kind])
        for (let c = 0; c < lists.length; c++)
          for (const identity of lists[c] ?? [])
            if (
              identity.kind === kind &&
              normIdentity(kind, identity.value) === norm &&
              (identity.site === '' || identity.site === f.site)
            )
              return { identity, client: c }
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
