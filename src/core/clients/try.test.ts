import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '../settings'
import { identity, rulesWith, testClient } from './testing'
import { tryNotification } from './try'

const hm = (h: number, m = 0) => h * 60 + m
/** Tuesday 4 March 2025, local time. */
const tue = (h: number, m = 0) => new Date(2025, 2, 4, h, m).getTime()

const acme = testClient('acme', {
  tier: 'priority',
  identities: [identity('email', 'ana@acme.com')],
})

/** Weekdays: a 9–11 block, working hours 9–18, off-hours held. */
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: {
    ...DEFAULT_SETTINGS.schedule,
    blocks: [{ id: 'bo', label: 'Backoffice', days: [1, 2, 3, 4, 5], start: hm(9), end: hm(11) }],
    offHours: true,
  },
  rules: rulesWith({
    clients: [acme],
    emergency: [identity('email', 'boss@home.es')],
    emergencyChannel: 'whatsapp',
  }),
}

const mail = (from: string, body: string, at: number) => ({
  site: 'gmail',
  title: from,
  body,
  at,
})

describe('tryNotification', () => {
  it('delivers outside a quiet period and holds the same message in a block', () => {
    const open = tryNotification(settings, mail('Ana <ana@acme.com>', 'Hola', tue(12)))
    expect(open.quiet).toBeNull()
    expect(open.decision).toEqual({ verdict: 'deliver', reason: 'open', why: { rule: 'open' } })

    const held = tryNotification(settings, mail('Ana <ana@acme.com>', 'Hola', tue(10)))
    expect(held.quiet).toMatchObject({ kind: 'block', id: 'bo@2025-03-04' })
    expect(held.decision).toEqual({
      verdict: 'hold',
      reason: 'block',
      why: { rule: 'no-breakthrough' },
    })
  })

  it('reads who it is from: the parsed name and the client', () => {
    const r = tryNotification(settings, mail('Ana Ruiz <ana@acme.com>', 'Hola', tue(10)))
    expect(r.parsed).toMatchObject({ name: 'Ana Ruiz', emails: ['ana@acme.com'] })
    expect(r.who.client?.name).toBe('Acme')
    expect(r.who.emergency).toBeNull()
  })

  it('lets an emergency sender through in a block and outside working hours', () => {
    for (const at of [tue(10), tue(22)]) {
      const r = tryNotification(settings, mail('Boss <boss@home.es>', 'Call me', at))
      expect(r.decision.verdict).toBe('deliver')
      expect(r.decision.why).toEqual({ rule: 'emergency-sender', identity: 'boss@home.es' })
    }
    expect(tryNotification(settings, mail('Boss <boss@home.es>', '', tue(22))).quiet?.kind).toBe(
      'off-hours',
    )
  })

  it('finds an urgent keyword in the body, in a block', () => {
    const r = tryNotification(settings, mail('Ana <ana@acme.com>', 'Es URGENTE, llámame', tue(10)))
    expect(r.keyword).toBe('urgente')
    expect(r.decision).toMatchObject({
      verdict: 'deliver',
      why: { rule: 'urgent-keyword', keyword: 'urgente' },
    })
  })

  it('holds a sender of no client, whatever the keyword', () => {
    const r = tryNotification(settings, mail('Luis <luis@other.com>', 'urgent', tue(10)))
    expect(r.who.client).toBeNull()
    expect(r.decision.why).toEqual({ rule: 'unknown-sender' })
  })

  it('has no history: the repeat rule and the quota never fire', () => {
    const tight = {
      ...settings,
      rules: { ...settings.rules, clients: [{ ...acme, keywords: false, quota: 1 }] },
    }
    for (let i = 0; i < 5; i++) {
      const r = tryNotification(tight, mail('Ana <ana@acme.com>', `msg ${i}`, tue(10, i)))
      expect(r.decision.why).toEqual({ rule: 'no-breakthrough' })
    }
  })

  it('counts a manual session when told about it', () => {
    const manual = { id: 'm1', startedAt: tue(13), until: tue(14) }
    const r = tryNotification(settings, mail('Luis', 'hi', tue(13, 30)), { manual })
    expect(r.quiet).toMatchObject({ kind: 'block', id: 'm1' })
  })

  it('lets everything through from a site the user does not watch', () => {
    const off = { ...settings, unwatched: ['gmail'] as Settings['unwatched'] }
    const r = tryNotification(off, mail('Luis', 'hi', tue(10)))
    expect(r.watched).toBe(false)
    expect(r.decision.verdict).toBe('deliver')
  })
})
