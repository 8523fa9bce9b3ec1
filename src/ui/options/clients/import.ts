/**
 * Contacts from a CSV preview into the draft: one client per name (a name that is already a
 * client gets the addresses), or every address as an identity of one client, old or new.
 * Nothing is saved here; the rules are checked again when the user saves. Pure; see import.test.ts.
 */
import { blockingErrors, type ContactRow } from '../../../core/clients/contacts-csv'
import { normName } from '../../../core/clients/identity'
import type { Client, Identity, Rules } from '../../../core/clients/schema'
import { blankClient } from './draft'

export type ImportTarget =
  | { mode: 'each' }
  /** `clientId` '' makes a new client called `newName`. */
  | { mode: 'one'; clientId: string; newName: string }

export interface Imported {
  rules: Rules
  /** Rows that became identities. */
  added: number
  /** Ids of the clients that were created. */
  created: string[]
}

const emailOf = (row: ContactRow): Identity => ({ kind: 'email', value: row.email, site: '' })

export function importable(rows: readonly ContactRow[], mode: ImportTarget['mode']): ContactRow[] {
  return rows.filter((r) => blockingErrors(r, mode).length === 0)
}

export function importContacts(
  rules: Rules,
  rows: readonly ContactRow[],
  target: ImportTarget,
  newId: () => string,
): Imported {
  const good = importable(rows, target.mode)
  const clients: Client[] = [...rules.clients]
  const created: string[] = []
  const create = (name: string, identities: Identity[]) => {
    const client = { ...blankClient(name, clients.length, newId()), identities }
    clients.push(client)
    created.push(client.id)
  }
  const append = (index: number, identities: Identity[]) => {
    const c = clients[index] as Client
    clients[index] = { ...c, identities: [...c.identities, ...identities] }
  }

  if (target.mode === 'one') {
    const identities = good.map(emailOf)
    const index = clients.findIndex((c) => c.id === target.clientId)
    if (index >= 0) append(index, identities)
    else create(target.newName, identities)
  } else {
    const byName = new Map<string, number>()
    for (const [i, c] of clients.entries()) byName.set(normName(c.name), i)
    for (const row of good) {
      const index = byName.get(normName(row.name))
      if (index !== undefined) append(index, [emailOf(row)])
      else {
        byName.set(normName(row.name), clients.length)
        create(row.name, [emailOf(row)])
      }
    }
  }
  return { rules: { ...rules, clients }, added: good.length, created }
}
