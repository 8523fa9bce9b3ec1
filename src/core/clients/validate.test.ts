import { describe, expect, it } from 'vitest'
import { type Client, DEFAULT_RULES, type Identity } from './schema'
import { identity, rulesWith as rules, testClient } from './testing'
import { RULE_ERRORS, type RuleError, validateRules } from './validate'

const email = (value: string, site: Identity['site'] = '') => identity('email', value, site)

/** Acme, standard with a repeat rule; `over` changes fields as given, tier and all. */
const client = (over: Partial<Client> = {}): Client => ({
  ...testClient('acme', { identities: [email('ana@acme.com')], repeat: { count: 3, minutes: 10 } }),
  ...over,
})
const withClient = (over: Partial<Client>) => rules({ clients: [client(over)] })

/** The errors as [path, code] pairs. */
const errorsOf = (input: unknown): [string, string][] => {
  const r = validateRules(input)
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code])
}
const errorList = (input: unknown): RuleError[] => {
  const r = validateRules(input)
  return r.ok ? [] : r.errors
}

describe('validateRules', () => {
  it('accepts the defaults and a full set of clients', () => {
    expect(validateRules(DEFAULT_RULES)).toEqual({ ok: true, rules: DEFAULT_RULES })
    const full = rules({
      clients: [
        client({
          identities: [
            email('Ana@Acme.com'),
            { kind: 'domain', value: '@acme.com', site: '' },
            { kind: 'name', value: 'Ana Ruiz', site: 'slack' },
            { kind: 'handle', value: '+34 600 111 222', site: 'whatsapp' },
          ],
        }),
        client({
          id: 'beta',
          name: 'Beta',
          colour: '#ABCDEF',
          identities: [{ kind: 'domain', value: 'beta.es', site: '' }],
          tier: 'low-tolerance',
          repeat: null,
        }),
      ],
      emergency: [email('boss@home.es')],
      emergencyChannel: 'whatsapp',
    })
    expect(validateRules(full)).toEqual({ ok: true, rules: full })
  })

  it('trims names and keywords', () => {
    const r = validateRules(rules({ clients: [client({ name: '  Acme ' })], keywords: [' asap '] }))
    expect(r.ok && r.rules.clients[0]?.name).toBe('Acme')
    expect(r.ok && r.rules.keywords).toEqual(['asap'])
  })

  it.each<[string, Partial<Client>, string, string]>([
    ['an invalid email', { identities: [email('ana')] }, 'identities.0.value', 'identity-invalid'],
    [
      'an invalid domain',
      { identities: [email('ana@acme.com'), { kind: 'domain', value: 'acme', site: '' }] },
      'identities.1.value',
      'identity-invalid',
    ],
    [
      'an empty name',
      { identities: [{ kind: 'name', value: '  ', site: '' }] },
      'identities.0.value',
      'identity-invalid',
    ],
    [
      'an empty handle',
      { identities: [{ kind: 'handle', value: '@', site: '' }] },
      'identities.0.value',
      'identity-invalid',
    ],
    [
      'a too long identity',
      { identities: [{ kind: 'name', value: 'x'.repeat(201), site: '' }] },
      'identities.0.value',
      'too-long',
    ],
    [
      'too many identities',
      { identities: Array.from({ length: 51 }, (_, i) => email(`a${i}@acme.com`)) },
      'identities',
      'too-many-identities',
    ],
    ['an empty client name', { name: '   ' }, 'name', 'name-empty'],
    ['a too long client name', { name: 'x'.repeat(81) }, 'name', 'name-too-long'],
    ['a colour name', { colour: 'red' }, 'colour', 'colour'],
    ['a short colour', { colour: '#abc' }, 'colour', 'colour'],
    ['a colour without #', { colour: '336699' }, 'colour', 'colour'],
    ['repeat count 1', { repeat: { count: 1, minutes: 10 } }, 'repeat.count', 'repeat-count'],
    ['repeat count 21', { repeat: { count: 21, minutes: 10 } }, 'repeat.count', 'repeat-count'],
    ['repeat minutes 0', { repeat: { count: 3, minutes: 0 } }, 'repeat.minutes', 'repeat-minutes'],
    [
      'repeat minutes 241',
      { repeat: { count: 3, minutes: 241 } },
      'repeat.minutes',
      'repeat-minutes',
    ],
    ['quota -1', { quota: -1 }, 'quota', 'quota'],
    ['quota 51', { quota: 51 }, 'quota', 'quota'],
    ['quota 1.5', { quota: 1.5 }, 'quota', 'invalid'],
    ['response hours 0', { responseHours: 0 }, 'responseHours', 'response-hours'],
    ['response hours 169', { responseHours: 169 }, 'responseHours', 'response-hours'],
    ['a too long note', { note: 'x'.repeat(501) }, 'note', 'note-too-long'],
  ])('refuses %s', (_, over, path, code) => {
    expect(errorsOf(withClient(over))).toEqual([[`clients.0.${path}`, code]])
  })

  it.each<[string, Partial<Client>]>([
    ['repeat count 2 and 1 minute', { repeat: { count: 2, minutes: 1 } }],
    ['repeat count 20 and 240 minutes', { repeat: { count: 20, minutes: 240 } }],
    ['quota 0', { quota: 0 }],
    ['quota 50', { quota: 50 }],
    ['50 identities', { identities: Array.from({ length: 50 }, (_, i) => email(`a${i}@x.es`)) }],
    ['an upper-case colour', { colour: '#A0B1C2' }],
  ])('accepts %s', (_, over) => {
    expect(errorsOf(withClient(over))).toEqual([])
  })

  it('names every field error at once, with English messages', () => {
    const errors = errorList(
      withClient({ name: '', colour: 'red', identities: [email('x')], quota: 99 }),
    )
    expect(errors.map((e) => e.path).sort()).toEqual([
      'clients.0.colour',
      'clients.0.identities.0.value',
      'clients.0.name',
      'clients.0.quota',
    ])
    for (const e of errors) expect(e.message).toBe(RULE_ERRORS[e.code])
  })

  it('refuses unknown fields, kinds and sites as invalid', () => {
    expect(errorsOf(withClient({ extra: 1 } as Partial<Client>))).toEqual([
      ['clients.0', 'invalid'],
    ])
    expect(
      errorsOf(withClient({ identities: [{ kind: 'phone', value: '1', site: '' } as never] })),
    ).toEqual([['clients.0.identities.0.kind', 'invalid']])
    expect(errorsOf(withClient({ identities: [email('a@b.es', 'myspace' as never)] }))).toEqual([
      ['clients.0.identities.0.site', 'invalid'],
    ])
    expect(errorsOf(rules({ emergencyChannel: 'icq' as never }))).toEqual([
      ['emergencyChannel', 'invalid'],
    ])
    expect(errorsOf(null)).toEqual([['', 'invalid']])
  })

  it('refuses an identity another client already has, naming that client', () => {
    const r = rules({
      clients: [
        client({ id: 'a', name: 'A', identities: [email('ana@acme.com')] }),
        client({
          id: 'b',
          name: 'B',
          identities: [
            { kind: 'handle', value: '+34 600 111 222', site: '' },
            email('luis@beta.es'),
          ],
        }),
        client({
          id: 'c',
          name: 'C',
          identities: [email('x@c.es'), { kind: 'handle', value: '34600111222', site: '' }],
        }),
        client({ id: 'd', name: 'D', identities: [email('x@d.es'), email('ANA@Acme.com ')] }),
      ],
    })
    expect(errorList(r)).toEqual([
      {
        path: 'clients.2.identities.1.value',
        code: 'identity-duplicate',
        message: RULE_ERRORS['identity-duplicate'],
        params: { other: 1 },
      },
      {
        path: 'clients.3.identities.1.value',
        code: 'identity-duplicate',
        message: RULE_ERRORS['identity-duplicate'],
        params: { other: 0 },
      },
    ])
  })

  it('allows the same value as another kind, or limited to different sites', () => {
    const r = rules({
      clients: [
        client({ id: 'a', name: 'A', identities: [email('ana@acme.com', 'gmail')] }),
        client({ id: 'b', name: 'B', identities: [email('ana@acme.com', 'outlook')] }),
        client({ id: 'c', name: 'C', identities: [{ kind: 'name', value: 'Ana', site: '' }] }),
        client({ id: 'd', name: 'D', identities: [{ kind: 'handle', value: 'ana', site: '' }] }),
      ],
    })
    expect(errorsOf(r)).toEqual([])
  })

  it('refuses an identity listed twice for the same client', () => {
    const r = withClient({ identities: [email('ana@acme.com'), email('Ana@acme.com')] })
    expect(errorsOf(r)).toEqual([['clients.0.identities.1.value', 'identity-duplicate']])
  })

  it('refuses two clients of the same name, ignoring case, accents and spacing', () => {
    const r = rules({
      clients: [
        client({ id: 'a', name: 'José Pérez', identities: [] }),
        client({ id: 'b', name: 'Beta', identities: [] }),
        client({ id: 'c', name: 'jose  PEREZ', identities: [] }),
      ],
    })
    expect(errorList(r)).toEqual([
      {
        path: 'clients.2.name',
        code: 'duplicate-name',
        message: RULE_ERRORS['duplicate-name'],
        params: { other: 0 },
      },
    ])
  })

  it('refuses an emergency sender listed twice', () => {
    const r = rules({
      emergency: [
        email('boss@home.es'),
        { kind: 'handle', value: '+34 699 000 000', site: '' },
        email('BOSS@home.es'),
        { kind: 'handle', value: '34699000000', site: '' },
        email('boss@home.es', 'gmail'),
      ],
    })
    expect(errorsOf(r)).toEqual([
      ['emergency.2.value', 'emergency-duplicate'],
      ['emergency.3.value', 'emergency-duplicate'],
    ])
  })

  it('refuses keywords listed twice, ignoring case and accents', () => {
    expect(
      errorsOf(
        rules({
          keywords: ['urgente', 'asap', 'URGÉNTE', 'Lo  antes posible', 'lo antes posible'],
        }),
      ),
    ).toEqual([
      ['keywords.2', 'keyword-duplicate'],
      ['keywords.4', 'keyword-duplicate'],
    ])
    expect(errorsOf(rules({ keywords: [...DEFAULT_RULES.keywords, 'Urgent'] }))).toEqual([
      [`keywords.${DEFAULT_RULES.keywords.length}`, 'keyword-duplicate'],
    ])
  })

  it('refuses empty, too long and too many keywords', () => {
    expect(errorsOf(rules({ keywords: ['ok', ' ', 'x'.repeat(41)] }))).toEqual([
      ['keywords.1', 'keyword-empty'],
      ['keywords.2', 'keyword-too-long'],
    ])
    expect(errorsOf(rules({ keywords: Array.from({ length: 51 }, (_, i) => `k${i}`) }))).toEqual([
      ['keywords', 'invalid'],
    ])
    expect(errorsOf(rules({ keywords: Array.from({ length: 50 }, (_, i) => `k${i}`) }))).toEqual([])
  })
})

describe('identities claimed on overlapping sites', () => {
  it('refuses an identity limited to a site when another client has it on every site', () => {
    const any = testClient('a', { identities: [identity('email', 'ana@x.com')] })
    const gmailOnly = testClient('b', { identities: [identity('email', 'ana@x.com', 'gmail')] })
    const check = validateRules(rules({ clients: [any, gmailOnly] }))
    expect(check.ok).toBe(false)
    if (!check.ok)
      expect(check.errors).toEqual([
        expect.objectContaining({
          path: 'clients.1.identities.0.value',
          code: 'identity-duplicate',
          params: { other: 0 },
        }),
      ])
  })

  it('accepts one handle on two different sites for two clients', () => {
    const wa = testClient('a', { identities: [identity('handle', '@ana', 'whatsapp')] })
    const slack = testClient('b', { identities: [identity('handle', '@ana', 'slack')] })
    expect(validateRules(rules({ clients: [wa, slack] })).ok).toBe(true)
  })
})
