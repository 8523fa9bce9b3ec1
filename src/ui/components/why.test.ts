import { describe, expect, it } from 'vitest'
import en from '../../../public/_locales/en/messages.json'
import es from '../../../public/_locales/es/messages.json'
import type { Why } from '../../core/decide'
import { createI18n, formatMessage, type I18nSource } from '../i18n'
import { english } from '../i18n-english'
import { explainWhy, type WhyInput } from './why'

const i18n = createI18n(english)

const spanish: I18nSource = {
  getMessage: (key, subs) =>
    formatMessage(
      (es as Record<string, { message: string }>)[key],
      subs === undefined ? [] : [subs].flat(),
    ),
  getUILanguage: () => 'es',
}

const base: Omit<WhyInput, 'why' | 'verdict'> = {
  sender: 'Ana Ruiz',
  client: 'Acme',
  site: 'Gmail',
}
const say = (why: Why, over: Partial<WhyInput> = {}, on = i18n) =>
  explainWhy(on, {
    ...base,
    why,
    verdict: why.rule === 'open' || DELIVERING.has(why.rule) ? 'deliver' : 'hold',
    ...over,
  })
const DELIVERING = new Set(['emergency-sender', 'emergency-channel', 'urgent-keyword', 'repeat'])

describe('explainWhy (English)', () => {
  it('explains every delivery rule', () => {
    expect(say({ rule: 'open' })).toBe('Delivered: not in a quiet period')
    expect(say({ rule: 'emergency-sender', identity: 'ana@acme.com' })).toBe(
      'Delivered: Ana Ruiz is an emergency sender',
    )
    expect(say({ rule: 'emergency-channel', site: 'whatsapp' })).toBe(
      'Delivered: Acme wrote on the emergency channel (WhatsApp)',
    )
    expect(say({ rule: 'urgent-keyword', keyword: 'urgente' }, { tier: 'priority' })).toBe(
      'Delivered: “urgente” in the message from Acme (priority client)',
    )
    expect(say({ rule: 'urgent-keyword', keyword: 'asap' })).toBe(
      'Delivered: “asap” in the message from Acme',
    )
    expect(say({ rule: 'repeat', count: 3, minutes: 10 })).toBe(
      'Delivered: 3rd message from Acme within 10 minutes',
    )
  })

  it('says English ordinals and minutes right', () => {
    expect(say({ rule: 'repeat', count: 2, minutes: 1 })).toBe(
      'Delivered: 2nd message from Acme within 1 minute',
    )
    expect(say({ rule: 'repeat', count: 11, minutes: 5 }, { tier: 'standard' })).toBe(
      'Delivered: 11th message from Acme (standard client) within 5 minutes',
    )
  })

  it('explains every holding rule', () => {
    expect(say({ rule: 'low-tolerance' }, { client: 'Beta' })).toBe(
      'Held: Beta is low-tolerance: only emergency senders get through',
    )
    expect(say({ rule: 'quota-used', quota: 2, wanted: 'urgent-keyword' })).toBe(
      'Held: Acme used its 2 breakthroughs for today',
    )
    expect(say({ rule: 'quota-used', quota: 1, wanted: 'repeat' })).toBe(
      'Held: Acme used its only breakthrough for today',
    )
    expect(say({ rule: 'quota-used', quota: 0, wanted: 'emergency-channel' })).toBe(
      'Held: Acme has no breakthroughs allowed per day',
    )
    expect(say({ rule: 'emergencies-only' })).toBe(
      'Held: outside working hours only emergency senders and the emergency channel get through',
    )
    expect(say({ rule: 'unknown-sender' }, { client: undefined })).toBe(
      'Held: not from a client — add them to a client to use breakthrough rules',
    )
    expect(say({ rule: 'no-breakthrough' })).toBe('Held: no breakthrough rule applied')
  })

  it('falls back to the sender when the client is gone, and to the identity without a name', () => {
    expect(say({ rule: 'low-tolerance' }, { client: undefined })).toBe(
      'Held: Ana Ruiz is low-tolerance: only emergency senders get through',
    )
    expect(say({ rule: 'emergency-sender', identity: 'boss@home.es' }, { sender: '' })).toBe(
      'Delivered: boss@home.es is an emergency sender',
    )
  })

  it('takes Delivered/Held from the verdict', () => {
    expect(say({ rule: 'no-breakthrough' }, { verdict: 'deliver' })).toMatch(/^Delivered: /)
  })
})

describe('explainWhy (Spanish)', () => {
  const whyKeys = Object.keys(en).filter((k) => k.startsWith('why_'))

  it('has every why_ key in Spanish, with the same placeholders', () => {
    const esKeys = es as Record<string, { placeholders?: object }>
    const enKeys = en as Record<string, { placeholders?: object }>
    for (const key of whyKeys) {
      expect(esKeys[key], key).toBeDefined()
      expect(Object.keys(esKeys[key]?.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(enKeys[key]?.placeholders ?? {}).sort(),
      )
    }
  })

  it('reads naturally', () => {
    const t = createI18n(spanish)
    expect(say({ rule: 'repeat', count: 3, minutes: 10 }, {}, t)).toBe(
      'Entregada: 3 mensajes de Acme en 10 minutos',
    )
    expect(say({ rule: 'quota-used', quota: 2, wanted: 'repeat' }, {}, t)).toBe(
      'Retenida: Acme ya pasó hoy las 2 veces que tiene permitidas',
    )
    expect(say({ rule: 'urgent-keyword', keyword: 'urgente' }, { tier: 'priority' }, t)).toBe(
      'Entregada: “urgente” en el mensaje de Acme (cliente prioritario)',
    )
  })
})
