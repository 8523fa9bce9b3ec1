/**
 * Adding one identity to a client (or to a new one) from a suggestion: the rules that result,
 * or the errors that stop it. The result is checked like any other rules change.
 */
import { Client, clientDefaults, type Identity, type Rules } from './schema'
import { type RuleError, validateRules } from './validate'

/** Colours new clients take in turn: distinct in light and dark mode. */
export const CLIENT_COLOURS = [
  '#2563eb',
  '#db2777',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#dc2626',
  '#65a30d',
] as const

export function newClient(name: string, index: number, id: string): Client {
  return Client.parse({
    id,
    name: name.trim(),
    colour: CLIENT_COLOURS[index % CLIENT_COLOURS.length],
    identities: [],
    tier: 'standard',
    responseHours: 24,
    note: '',
    ...clientDefaults('standard'),
  })
}

export function addIdentity(
  rules: Rules,
  target: { clientId: string; newName?: string },
  identity: Identity,
  newId: () => string,
): { ok: true; rules: Rules } | { ok: false; errors: RuleError[] } {
  let clients = rules.clients
  if (target.clientId === '') {
    const client = newClient(target.newName ?? '', clients.length, newId())
    clients = [...clients, { ...client, identities: [identity] }]
  } else {
    const i = clients.findIndex((c) => c.id === target.clientId)
    if (i < 0)
      return {
        ok: false,
        errors: [{ path: 'clients', code: 'invalid', message: `no client ${target.clientId}` }],
      }
    clients = clients.map((c, j) =>
      j === i ? { ...c, identities: [...c.identities, identity] } : c,
    )
  }
  return validateRules({ ...rules, clients })
}
