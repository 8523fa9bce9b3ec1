import { describe, expect, it } from 'vitest'
import { parseContacts } from '../../../core/clients/contacts-csv'
import { DEFAULT_RULES, type Rules } from '../../../core/clients/schema'
import { validateRules } from '../../../core/clients/validate'
import { blankClient } from './draft'
import { importable, importContacts } from './import'

const acme = {
  ...blankClient('Acme', 0, 'acme'),
  identities: [{ kind: 'email' as const, value: 'boss@acme.com', site: '' as const }],
}
const rules: Rules = { ...DEFAULT_RULES, clients: [acme] }
const csv = [
  'name,email',
  'Ana,ana@acme.com',
  'Luis,luis@beta.es',
  'Ana,ana.p@acme.com',
  ',nameless@acme.com',
  'Boss,boss@acme.com',
  'acme,info@acme.com',
].join('\n')
const { rows } = parseContacts(csv, new Map([['boss@acme.com', 'Acme']]))
const ids = () => {
  let n = 0
  return () => `new${++n}`
}

describe('importContacts', () => {
  it('makes one client per name, and adds to a client that has the name already', () => {
    const out = importContacts(rules, rows, { mode: 'each' }, ids())
    expect(out.added).toBe(4)
    expect(out.created).toEqual(['new1', 'new2'])
    expect(out.rules.clients.map((c) => [c.name, c.identities.map((i) => i.value)])).toEqual([
      ['Acme', ['boss@acme.com', 'info@acme.com']],
      ['Ana', ['ana@acme.com', 'ana.p@acme.com']],
      ['Luis', ['luis@beta.es']],
    ])
    expect(out.rules.clients[1]).toMatchObject({ id: 'new1', tier: 'standard', colour: '#db2777' })
    expect(validateRules(out.rules).ok).toBe(true)
  })

  it('adds every good address, named or not, to one existing client', () => {
    const out = importContacts(rules, rows, { mode: 'one', clientId: 'acme', newName: '' }, ids())
    expect(out.added).toBe(5)
    expect(out.created).toEqual([])
    expect(out.rules.clients).toHaveLength(1)
    expect(out.rules.clients[0]?.identities.map((i) => i.value)).toEqual([
      'boss@acme.com',
      'ana@acme.com',
      'luis@beta.es',
      'ana.p@acme.com',
      'nameless@acme.com',
      'info@acme.com',
    ])
  })

  it('or to a new client', () => {
    const out = importContacts(rules, rows, { mode: 'one', clientId: '', newName: 'Beta' }, ids())
    expect(out.created).toEqual(['new1'])
    expect(out.rules.clients[1]).toMatchObject({ name: 'Beta', id: 'new1' })
    expect(out.rules.clients[1]?.identities).toHaveLength(5)
  })

  it('leaves the rules as they were when nothing is importable', () => {
    const out = importContacts(rules, [], { mode: 'each' }, ids())
    expect(out).toEqual({ rules, added: 0, created: [] })
  })

  it('counts what each mode would import', () => {
    expect(importable(rows, 'each')).toHaveLength(4)
    expect(importable(rows, 'one')).toHaveLength(5)
  })
})
