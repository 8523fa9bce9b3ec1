import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRules } from './compile'
import { compileMatcher, naiveMatch, type SenderFacts } from './matcher'
import type { Client, Identity } from './schema'
import { senderFacts as facts, identity as id, rulesWith, testClient } from './testing'

const client = (key: string, identities: Identity[]) => testClient(key, { identities })

/** The id of the client the facts match, or null; checked against the plain scan too. */
function whoIs(clients: Client[], f: SenderFacts, emergency: Identity[] = []): string | null {
  const m = compileMatcher(clients, emergency).match(f)
  expect(m).toEqual(naiveMatch(clients, emergency, f))
  return m.client?.id ?? null
}

describe('compileMatcher', () => {
  // Listed from the weakest identity to the strongest, so that list order cannot explain a win.
  const byConversation = client('conversation', [id('name', 'Acme Project')])
  const byName = client('name', [id('name', 'Ana Ruiz')])
  const byDomain = client('domain', [id('domain', 'acme.com')])
  const byHandle = client('handle', [id('handle', '@ana_r')])
  const byEmail = client('email', [id('email', 'Ana@Acme.com')])
  const ladder = [byConversation, byName, byDomain, byHandle, byEmail]
  const everything = facts({
    site: 'slack',
    name: 'Ana Ruiz',
    conversation: 'Acme Project',
    emails: ['ana@acme.com'],
    handles: ['ana_r'],
  })

  it('prefers email, then handle, then domain, then name, then conversation', () => {
    expect(whoIs(ladder, everything)).toBe('email')
    expect(whoIs(ladder, { ...everything, emails: ['pedro@acme.com'] })).toBe('handle')
    expect(whoIs(ladder, { ...everything, emails: ['pedro@acme.com'], handles: [] })).toBe('domain')
    expect(whoIs(ladder, { ...everything, emails: [], handles: ['x'] })).toBe('name')
    expect(whoIs(ladder, { ...everything, emails: [], handles: [], name: 'Luis' })).toBe(
      'conversation',
    )
    expect(whoIs(ladder, facts({ name: 'Luis', emails: ['l@beta.es'], handles: ['l'] }))).toBe(null)
  })

  it('reads names and conversations ignoring case, accents and spacing', () => {
    expect(whoIs(ladder, facts({ name: '  ANA   RUÍZ ' }))).toBe('name')
    expect(whoIs(ladder, facts({ name: 'Luis', conversation: 'acme project' }))).toBe(
      'conversation',
    )
    // A display name is not a conversation name, and the other way round: both are names.
    expect(whoIs(ladder, facts({ name: 'Acme Project' }))).toBe('conversation')
  })

  it('tries the addresses in the order the parser gave them, all before any domain', () => {
    const clients = [
      client('second-address', [id('email', 'b@beta.es')]),
      client('first-address', [id('email', 'a@alfa.es')]),
      client('first-domain', [id('domain', 'uno.es')]),
    ]
    expect(whoIs(clients, facts({ emails: ['a@alfa.es', 'b@beta.es'] }))).toBe('first-address')
    expect(whoIs(clients, facts({ emails: ['b@beta.es', 'a@alfa.es'] }))).toBe('second-address')
    expect(whoIs(clients, facts({ emails: ['z@uno.es', 'b@beta.es'] }))).toBe('second-address')
    expect(whoIs(clients, facts({ emails: ['not an address', 'z@uno.es'] }))).toBe('first-domain')
  })

  it('prefers the most specific domain, whatever the list order', () => {
    const clients = [
      client('acme', [id('domain', 'acme.com')]),
      client('eu', [id('domain', '*.eu.acme.com')]),
      client('sales', [id('domain', 'sales.eu.acme.com')]),
    ]
    expect(whoIs(clients, facts({ emails: ['ana@sales.eu.acme.com'] }))).toBe('sales')
    expect(whoIs(clients, facts({ emails: ['ana@x.sales.eu.acme.com'] }))).toBe('sales')
    expect(whoIs(clients, facts({ emails: ['ana@ops.eu.acme.com'] }))).toBe('eu')
    expect(whoIs(clients, facts({ emails: ['ana@acme.com'] }))).toBe('acme')
    expect(whoIs(clients, facts({ emails: ['ana@acme.com.evil.test'] }))).toBe(null)
    expect(whoIs(clients, facts({ emails: ['ana@notacme.com'] }))).toBe(null)
  })

  it('knows a phone number on WhatsApp however the user wrote it', () => {
    const clients = [client('ana', [id('handle', '+34 600 11 12 22', 'whatsapp')])]
    const tag = facts({ site: 'whatsapp', name: '+34 600 11 12 22', handles: ['34600111222'] })
    expect(whoIs(clients, tag)).toBe('ana')
  })

  it('counts a site-limited identity on its site only, and falls through to the next', () => {
    const clients = [
      client('whatsapp-only', [id('handle', '34600111222', 'whatsapp')]),
      client('anywhere', [id('handle', '+34 600 111 222')]),
      client('by-name', [id('name', 'Ana', 'telegram')]),
    ]
    const on = (site: string) => facts({ site, name: 'Ana', handles: ['34600111222'] })
    expect(whoIs(clients, on('whatsapp'))).toBe('whatsapp-only')
    expect(whoIs(clients, on('telegram'))).toBe('anywhere')
    expect(whoIs(clients.slice(0, 1), on('telegram'))).toBe(null)
    expect(whoIs([clients[0] as Client, clients[2] as Client], on('telegram'))).toBe('by-name')
    expect(whoIs([clients[0] as Client, clients[2] as Client], on('slack'))).toBe(null)
  })

  it('lets the first listed client, then its first listed identity, win a tie', () => {
    const first = client('first', [id('name', 'Ana'), id('name', 'ANA')])
    const second = client('second', [id('name', 'ana')])
    const m = compileMatcher([first, second], []).match(facts({ name: 'Ána' }))
    expect(m.client).toBe(first)
    expect(m.via).toBe(first.identities[0])
    expect(compileMatcher([second, first], []).match(facts({ name: 'Ana' })).client).toBe(second)
  })

  it('reads emergency senders by the same rules, independently of clients', () => {
    const boss = id('email', 'boss@home.es')
    const homePhone = id('handle', '+34 699 000 000', 'whatsapp')
    const clients = [client('home', [id('domain', 'home.es')])]
    const matcher = compileMatcher(clients, [id('name', 'Boss'), homePhone, boss])
    expect(matcher.match(facts({ emails: ['Boss@Home.es'] }))).toEqual({
      client: clients[0],
      via: clients[0]?.identities[0],
      emergency: boss,
    })
    expect(matcher.match(facts({ site: 'whatsapp', handles: ['34699000000'] }))).toEqual({
      client: null,
      via: null,
      emergency: homePhone,
    })
    expect(matcher.match(facts({ site: 'slack', handles: ['34699000000'] })).emergency).toBe(null)
    expect(matcher.match(facts({ name: 'boss', emails: ['boss@home.es'] })).emergency).toBe(boss)
  })

  it('finds no one in empty facts or empty rules', () => {
    const none = { client: null, via: null, emergency: null }
    expect(compileMatcher(ladder, []).match(facts({}))).toEqual(none)
    expect(compileMatcher([], []).match(everything)).toEqual(none)
  })

  it('ignores identities that are not valid values of their kind', () => {
    const clients = [client('bad', [id('email', 'ana'), id('handle', '@'), id('name', ' ')])]
    expect(whoIs(clients, facts({ name: 'ana', handles: ['', 'ana'], emails: ['ana'] }))).toBe(null)
    expect(whoIs(clients, facts({ name: ' ', conversation: ' ', handles: [' '] }))).toBe(null)
  })
})

describe('compileRules', () => {
  it('matches, finds keywords, and looks clients up by id', () => {
    const acme = client('acme', [id('email', 'ana@acme.com')])
    const compiled = compileRules(rulesWith({ clients: [acme], emergencyChannel: 'slack' }))
    expect(compiled.match(facts({ emails: ['ana@acme.com'] })).client).toBe(acme)
    expect(compiled.keyword('¡Urgente!')).toBe('urgente')
    expect(compiled.emergencyChannel).toBe('slack')
    expect(compiled.client('acme')).toBe(acme)
    expect(compiled.client('beta')).toBeUndefined()
  })
})

describe('compileMatcher equals naiveMatch', () => {
  const pick = (chars: string) => fc.constantFrom(...chars.split(''))
  const word = (chars: string, max: number) =>
    fc.string({ unit: pick(chars), minLength: 1, maxLength: max })
  // Small alphabets, so that clients, emergency senders and payloads collide often.
  const label = word('abB', 1)
  const domain = fc.array(label, { minLength: 1, maxLength: 2 }).map((ls) => `${ls.join('.')}.es`)
  const email = fc.tuple(word('xyX', 1), domain).map(([l, d]) => `${l}@${d}`)
  const name = word('anáA ', 3)
  const phone = fc
    .tuple(fc.boolean(), fc.array(word('6', 3), { minLength: 2, maxLength: 3 }))
    .map(([plus, parts]) => `${plus ? '+' : ''}${parts.join(' ')}`)
  const handle = fc.oneof(word('aB@', 2), phone)
  const site = fc.constantFrom<Identity['site']>('', '', 'gmail', 'whatsapp')
  const identity: fc.Arbitrary<Identity> = fc.oneof(
    fc.record({ kind: fc.constant('email' as const), value: email, site }),
    fc.record({
      kind: fc.constant('domain' as const),
      value: fc.oneof(
        domain,
        domain.map((d) => `@${d}`),
        domain.map((d) => `*.${d}`),
      ),
      site,
    }),
    fc.record({ kind: fc.constant('name' as const), value: name, site }),
    fc.record({ kind: fc.constant('handle' as const), value: handle, site }),
    // Invalid values of their kind: the matcher must skip them.
    fc.record({ kind: fc.constantFrom('email' as const, 'domain' as const), value: label, site }),
  )
  const clients = fc
    .array(fc.array(identity, { maxLength: 5 }), { maxLength: 6 })
    .map((lists) => lists.map((ids, i) => client(`c${i}`, ids)))
  const sender: fc.Arbitrary<SenderFacts> = fc.record({
    site: fc.constantFrom('gmail', 'whatsapp', 'slack'),
    name: fc.oneof(fc.constant(''), name),
    conversation: fc.oneof(fc.constant(''), name),
    emails: fc.array(fc.oneof(email, label), { maxLength: 3 }),
    handles: fc.array(handle, { maxLength: 2 }),
  })

  it('for any clients, emergency senders and payload', () => {
    fc.assert(
      fc.property(
        clients,
        fc.array(identity, { maxLength: 4 }),
        fc.array(sender, { minLength: 1, maxLength: 5 }),
        (cs, emergency, senders) => {
          const matcher = compileMatcher(cs, emergency)
          for (const f of senders) {
            const fast = matcher.match(f)
            const slow = naiveMatch(cs, emergency, f)
            expect(fast).toEqual(slow)
            expect(fast.client).toBe(slow.client)
            expect(fast.via).toBe(slow.via)
            expect(fast.emergency).toBe(slow.emergency)
            if (fast.via) expect(fast.client?.identities).toContain(fast.via)
            if (fast.emergency) expect(emergency).toContain(fast.emergency)
          }
        },
      ),
      { numRuns: 1_000 },
    )
  })
})
