import { describe, expect, it } from 'vitest'
import {
  Client,
  clientDefaults,
  DEFAULT_KEYWORDS,
  DEFAULT_RULES,
  normIdentity,
  Rules,
  Tier,
} from './schema'
import { ruleErrors } from './validate'

describe('clientDefaults', () => {
  it('gives priority clients the most room', () => {
    expect(clientDefaults('priority')).toEqual({
      keywords: true,
      repeat: { count: 3, minutes: 10 },
      channel: true,
      quota: 3,
    })
  })

  it('gives standard clients keywords and the channel, no repeat rule', () => {
    expect(clientDefaults('standard')).toEqual({
      keywords: true,
      repeat: null,
      channel: true,
      quota: 2,
    })
  })

  it('gives low-tolerance clients no breakthrough at all', () => {
    expect(clientDefaults('low-tolerance')).toEqual({
      keywords: false,
      repeat: null,
      channel: false,
      quota: 0,
    })
  })

  it('makes a valid client for every tier, and a fresh object each time', () => {
    for (const tier of Tier.options) {
      const c = {
        id: 'x',
        name: 'X',
        colour: '#000000',
        identities: [],
        tier,
        responseHours: 24,
        note: '',
        ...clientDefaults(tier),
      }
      expect(Client.safeParse(c).success).toBe(true)
      expect(clientDefaults(tier)).not.toBe(clientDefaults(tier))
    }
    const a = clientDefaults('priority')
    if (a.repeat) a.repeat.count = 20
    expect(clientDefaults('priority').repeat?.count).toBe(3)
  })
})

describe('DEFAULT_RULES', () => {
  it('are valid, without duplicate keywords, and start with the default keywords', () => {
    expect(Rules.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES)
    expect(ruleErrors(DEFAULT_RULES)).toEqual([])
    expect(DEFAULT_RULES.keywords).toEqual(DEFAULT_KEYWORDS)
    expect(DEFAULT_RULES.keywords).not.toBe(DEFAULT_KEYWORDS)
    expect(DEFAULT_RULES).toMatchObject({ clients: [], emergency: [], emergencyChannel: '' })
  })

  it('have keywords in English and Spanish', () => {
    expect(DEFAULT_KEYWORDS).toEqual(expect.arrayContaining(['urgent', 'asap', 'urgente']))
    expect(DEFAULT_KEYWORDS).toContain('lo antes posible')
  })
})

describe('normIdentity', () => {
  it('normalises each kind its own way', () => {
    expect(normIdentity('email', ' Ana@Acme.com ')).toBe('ana@acme.com')
    expect(normIdentity('domain', '@Acme.com')).toBe('acme.com')
    expect(normIdentity('name', 'José  Pérez')).toBe('jose perez')
    expect(normIdentity('handle', '+34 600 111 222')).toBe('34600111222')
    expect(normIdentity('email', 'acme.com')).toBe('')
    expect(normIdentity('domain', 'ana')).toBe('')
  })
})
