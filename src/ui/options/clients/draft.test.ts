import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, type Rules } from '../../../core/clients/schema'
import { validateRules } from '../../../core/clients/validate'
import {
  addKeyword,
  blankClient,
  clientOf,
  errorsOf,
  fieldId,
  fieldOf,
  hasTierDefaults,
  numberFrom,
  numberTo,
  parseRuleErrors,
  takenEmails,
  withTierDefaults,
} from './draft'

describe('fieldOf', () => {
  it.each([
    ['clients.2.name', 'clients.2.name'],
    ['rules.clients.2.name', 'clients.2.name'],
    ['clients.2.responseHours', 'clients.2.responseHours'],
    ['clients.2.repeat.count', 'clients.2.repeat.count'],
    ['clients.2.repeat.minutes', 'clients.2.repeat.minutes'],
    ['clients.2.repeat', 'clients.2.repeat'],
    ['clients.2.identities.0.value', 'clients.2.identities.0.value'],
    ['clients.2.identities.0.site', 'clients.2.identities.0.site'],
    ['clients.2.identities.0', 'clients.2.identities.0.value'],
    ['clients.2.identities', 'clients.2.identities'],
    ['clients.2.id', 'clients.2'],
    ['clients.2', 'clients.2'],
    ['clients', 'clients'],
    ['emergency.1.value', 'emergency.1.value'],
    ['emergency.1', 'emergency.1.value'],
    ['emergency', 'emergency'],
    ['keywords.3', 'keywords.3'],
    ['keywords', 'keywords'],
    ['emergencyChannel', 'emergencyChannel'],
    ['', ''],
    ['schedule.blocks.0', ''],
  ])('%s → %s', (path, field) => {
    expect(fieldOf(path)).toBe(field)
  })

  it('makes element ids apart from the schedule ones', () => {
    expect(fieldId('clients.2.identities.0.value')).toBe('cl-field-clients-2-identities-0-value')
    expect(fieldId('')).toBe('cl-field-rules')
  })

  it('places every error validateRules finds on a field of the editor', () => {
    const client = { ...blankClient('', 0, 'a'), responseHours: Number.NaN, quota: 99 }
    const check = validateRules({
      ...DEFAULT_RULES,
      clients: [{ ...client, identities: [{ kind: 'email', value: 'nope', site: '' }] }],
      keywords: ['urgent', 'URGENT'],
    })
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.errors.map((e) => fieldOf(e.path)).sort()).toEqual([
      'clients.0.identities.0.value',
      'clients.0.name',
      'clients.0.quota',
      'clients.0.responseHours',
    ])
  })
})

describe('errorsOf and clientOf', () => {
  const errors = [
    { path: 'clients.1.identities.0', code: 'identity-invalid' as const, message: '' },
    { path: 'rules.clients.1.name', code: 'name-empty' as const, message: '' },
  ]
  it('finds the errors of a field', () => {
    expect(errorsOf(errors, 'clients.1.identities.0.value')).toEqual([errors[0]])
    expect(errorsOf(errors, 'clients.1.name')).toEqual([errors[1]])
  })
  it('says which client an error belongs to', () => {
    expect(errors.map((e) => clientOf(e.path))).toEqual([1, 1])
    expect(clientOf('keywords.0')).toBe(-1)
  })
})

describe('parseRuleErrors', () => {
  it('keeps well-formed errors with known codes', () => {
    const good = {
      path: 'clients.0.name',
      code: 'duplicate-name',
      message: 'x',
      params: { other: 1 },
    }
    expect(parseRuleErrors([good, { path: 1 }, { path: '', code: 'nope', message: '' }])).toEqual([
      good,
    ])
    expect(parseRuleErrors(undefined)).toEqual([])
  })
})

describe('numbers from inputs', () => {
  it('turns a cleared input into NaN and back into ""', () => {
    expect(numberFrom('24')).toBe(24)
    expect(numberFrom(' ')).toBeNaN()
    expect(numberTo(Number.NaN)).toBe('')
    expect(numberTo(3)).toBe('3')
  })
})

describe('tier defaults', () => {
  it('tells whether a client has its tier defaults, and applies them', () => {
    const c = blankClient('Acme', 0, 'a')
    expect(hasTierDefaults(c)).toBe(true)
    expect(hasTierDefaults(c, 'priority')).toBe(false)
    const priority = withTierDefaults({ ...c, tier: 'priority' })
    expect(priority).toMatchObject({ repeat: { count: 3, minutes: 10 }, quota: 3 })
    expect(hasTierDefaults(priority)).toBe(true)
  })

  it('gives new clients colours in turn, and valid once named', () => {
    expect(blankClient(' Acme ', 9, 'x')).toMatchObject({ name: 'Acme', colour: '#db2777' })
    const rules: Rules = { ...DEFAULT_RULES, clients: [blankClient('Acme', 0, 'x')] }
    expect(validateRules(rules).ok).toBe(true)
  })
})

describe('addKeyword', () => {
  it('adds a trimmed keyword', () => {
    expect(addKeyword(['urgent'], '  muy   urgente ')).toEqual({
      ok: true,
      keywords: ['urgent', 'muy urgente'],
    })
  })

  it('refuses empty, overlong and repeated keywords, ignoring case and accents', () => {
    expect(addKeyword([], ' ')).toEqual({ ok: false, code: 'keyword-empty' })
    expect(addKeyword([], 'x'.repeat(41))).toEqual({ ok: false, code: 'keyword-too-long' })
    expect(addKeyword(['Urgente'], 'urgénte')).toEqual({ ok: false, code: 'keyword-duplicate' })
  })
})

describe('takenEmails', () => {
  it('maps each client address to the first client that has it', () => {
    const rules: Rules = {
      ...DEFAULT_RULES,
      clients: [
        {
          ...blankClient('Acme', 0, 'a'),
          identities: [
            { kind: 'email', value: 'Ana@Acme.com', site: '' },
            { kind: 'domain', value: 'acme.com', site: '' },
          ],
        },
        {
          ...blankClient('Beta', 1, 'b'),
          identities: [{ kind: 'email', value: 'ana@acme.com', site: 'gmail' }],
        },
      ],
    }
    expect([...takenEmails(rules)]).toEqual([['ana@acme.com', 'Acme']])
  })
})
