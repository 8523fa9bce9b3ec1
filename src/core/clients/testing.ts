/**
 * Clients, identities, rules and sender facts for tests, built one way: a client is named after
 * its id and has its tier's options unless a test says otherwise.
 */
import type { SenderFacts } from './matcher'
import {
  type Client,
  clientDefaults,
  DEFAULT_RULES,
  type Identity,
  type IdentityKind,
  type Rules,
} from './schema'

/** An identity, on any site unless one is given. */
export const identity = (
  kind: IdentityKind,
  value: string,
  site: Identity['site'] = '',
): Identity => ({ kind, value, site })

/**
 * A client named after its id ('acme' → 'Acme'), in the first client colour, with no identities
 * and the breakthrough options of its tier (standard unless `over` gives one); `over` sets the
 * rest.
 */
export function testClient(id: string, over: Partial<Client> = {}): Client {
  const tier = over.tier ?? 'standard'
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    colour: '#2563eb',
    identities: [],
    tier,
    responseHours: 24,
    note: '',
    ...clientDefaults(tier),
    ...over,
  }
}

/** The default rules (no clients, the default keywords) with `over` in place. */
export const rulesWith = (over: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, ...over })

/** What a notification says about its sender: a Gmail message with nothing known but `over`. */
export const senderFacts = (over: Partial<SenderFacts> = {}): SenderFacts => ({
  site: 'gmail',
  name: '',
  conversation: '',
  emails: [],
  handles: [],
  ...over,
})
