import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRules } from './clients/compile'
import type { Match, SenderFacts } from './clients/matcher'
import type { Client, Identity } from './clients/schema'
import { senderFacts as facts, identity as id, rulesWith, testClient } from './clients/testing'
import {
  BREAKTHROUGH_REASONS,
  type DecideInput,
  type Decision,
  decide,
  type History,
  NO_HISTORY,
  type QuietPeriod,
} from './decide'

const BLOCK: QuietPeriod = { kind: 'block', id: 'session-1', until: 2_000_000_000_000 }
const OFF: QuietPeriod = { kind: 'off-hours', id: 'off-2026-11-24', until: 2_000_000_000_000 }

/** Acme, standard with a repeat rule; `over` changes fields as given, tier and all. */
const client = (over: Partial<Client> = {}): Client => ({
  ...testClient('acme', {
    identities: [id('email', 'ana@acme.com')],
    repeat: { count: 3, minutes: 10 },
  }),
  ...over,
})

const BOSS = id('email', 'boss@home.es')

const who = (c: Client | null, emergency: Identity | null = null): Match => ({
  client: c,
  via: c?.identities[0] ?? null,
  emergency,
})

/** A message from a standard client on Gmail, nothing urgent about it, WhatsApp as the channel. */
const input = (over: Partial<DecideInput> = {}): DecideInput => ({
  quiet: BLOCK,
  site: 'gmail',
  who: who(client()),
  keyword: '',
  emergencyChannel: 'whatsapp',
  history: NO_HISTORY,
  ...over,
})

const h = (recent: number, today: number): History => ({ recent, today })
const LOW = client({ tier: 'low-tolerance', keywords: true, channel: true, quota: 5 })
/** Every breakthrough rule applies at once: the channel, a keyword and the repeat count. */
const ALL_RULES: Partial<DecideInput> = {
  site: 'whatsapp',
  keyword: 'urgente',
  history: h(5, 0),
}

const delivered = (why: Decision['why']): Decision => ({
  verdict: 'deliver',
  reason: why.rule as Decision['reason'],
  why,
})
const held = (quiet: QuietPeriod, why: Decision['why']): Decision => ({
  verdict: 'hold',
  reason: quiet.kind,
  why,
})

describe('decide', () => {
  const cases: [string, DecideInput, Decision][] = [
    // 1. open
    [
      'open: an unknown sender',
      input({ quiet: null, who: who(null) }),
      delivered({ rule: 'open' }),
    ],
    [
      'open: a low-tolerance client, whatever its rules',
      input({ quiet: null, who: who(LOW), ...ALL_RULES, history: h(9, 9) }),
      delivered({ rule: 'open' }),
    ],
    [
      'open beats an emergency sender (nothing to break through)',
      input({ quiet: null, who: who(null, BOSS) }),
      delivered({ rule: 'open' }),
    ],
    // 2. emergency sender
    [
      'emergency sender without a client, block',
      input({ who: who(null, BOSS) }),
      delivered({ rule: 'emergency-sender', identity: 'boss@home.es' }),
    ],
    [
      'emergency sender beats a low-tolerance client, off-hours and a used quota',
      input({ quiet: OFF, who: who(LOW, BOSS), ...ALL_RULES, history: h(9, 99) }),
      delivered({ rule: 'emergency-sender', identity: 'boss@home.es' }),
    ],
    [
      'emergency sender beats a used quota of quota 0',
      input({ who: who(client({ quota: 0 }), BOSS), history: h(0, 0) }),
      delivered({ rule: 'emergency-sender', identity: 'boss@home.es' }),
    ],
    // 3. unknown sender
    [
      'unknown sender, block, even with a keyword on the emergency channel',
      input({ who: who(null), ...ALL_RULES }),
      held(BLOCK, { rule: 'unknown-sender' }),
    ],
    [
      'unknown sender, off-hours',
      input({ quiet: OFF, who: who(null), site: 'whatsapp' }),
      held(OFF, { rule: 'unknown-sender' }),
    ],
    // 4. low tolerance
    [
      'low-tolerance client: keyword, channel and repeat all present, block',
      input({ who: who(LOW), ...ALL_RULES }),
      held(BLOCK, { rule: 'low-tolerance' }),
    ],
    [
      'low-tolerance client on the emergency channel, off-hours',
      input({ quiet: OFF, who: who(LOW), ...ALL_RULES }),
      held(OFF, { rule: 'low-tolerance' }),
    ],
    // 5a. emergency channel
    [
      'channel: the client writes on the designated site',
      input({ site: 'whatsapp' }),
      delivered({ rule: 'emergency-channel', site: 'whatsapp' }),
    ],
    [
      'channel: the client does not use the channel',
      input({ site: 'whatsapp', who: who(client({ channel: false })) }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'channel: none designated, on an empty site',
      input({ site: '', emergencyChannel: '' }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'channel: none designated, on a real site',
      input({ site: 'whatsapp', emergencyChannel: '' }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'channel: another site than the designated one',
      input({ site: 'telegram' }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'channel works off-hours',
      input({ quiet: OFF, site: 'whatsapp' }),
      delivered({ rule: 'emergency-channel', site: 'whatsapp' }),
    ],
    // 5b. keyword
    [
      'keyword in a block',
      input({ keyword: 'URGENTE' }),
      delivered({ rule: 'urgent-keyword', keyword: 'URGENTE' }),
    ],
    [
      'keyword, but the client does not use keywords',
      input({ keyword: 'urgente', who: who(client({ keywords: false })) }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'keyword off-hours: emergencies only',
      input({ quiet: OFF, keyword: 'urgente' }),
      held(OFF, { rule: 'emergencies-only' }),
    ],
    // 5c. repeat (count 3)
    [
      'repeat: the 2nd message',
      input({ history: h(1, 0) }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'repeat: the 3rd message',
      input({ history: h(2, 0) }),
      delivered({ rule: 'repeat', count: 3, minutes: 10 }),
    ],
    [
      'repeat: beyond the 3rd message',
      input({ history: h(7, 0) }),
      delivered({ rule: 'repeat', count: 3, minutes: 10 }),
    ],
    [
      'repeat: count 2 on the 2nd message',
      input({ who: who(client({ repeat: { count: 2, minutes: 5 } })), history: h(1, 0) }),
      delivered({ rule: 'repeat', count: 2, minutes: 5 }),
    ],
    [
      'repeat: count 2 on the 1st message',
      input({ who: who(client({ repeat: { count: 2, minutes: 5 } })), history: h(0, 0) }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'repeat: no repeat rule, however many messages',
      input({ who: who(client({ repeat: null })), history: h(100, 0) }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'repeat off-hours: emergencies only',
      input({ quiet: OFF, history: h(2, 0) }),
      held(OFF, { rule: 'emergencies-only' }),
    ],
    // precedence within 5
    [
      'precedence: channel > keyword > repeat',
      input({ ...ALL_RULES }),
      delivered({ rule: 'emergency-channel', site: 'whatsapp' }),
    ],
    [
      'precedence: keyword > repeat',
      input({ keyword: 'asap', history: h(5, 0) }),
      delivered({ rule: 'urgent-keyword', keyword: 'asap' }),
    ],
    [
      'precedence: keyword (client without keywords) falls to repeat',
      input({ keyword: 'asap', history: h(5, 0), who: who(client({ keywords: false })) }),
      delivered({ rule: 'repeat', count: 3, minutes: 10 }),
    ],
    [
      'precedence: channel (client without channel) falls to keyword',
      input({ ...ALL_RULES, who: who(client({ channel: false })) }),
      delivered({ rule: 'urgent-keyword', keyword: 'urgente' }),
    ],
    // quota
    [
      'quota: one breakthrough left',
      input({ keyword: 'urgent', history: h(0, 1) }),
      delivered({ rule: 'urgent-keyword', keyword: 'urgent' }),
    ],
    [
      'quota: used (today = quota), keyword wanted',
      input({ keyword: 'urgent', history: h(0, 2) }),
      held(BLOCK, { rule: 'quota-used', quota: 2, wanted: 'urgent-keyword' }),
    ],
    [
      'quota: over (today > quota), repeat wanted',
      input({ history: h(4, 3) }),
      held(BLOCK, { rule: 'quota-used', quota: 2, wanted: 'repeat' }),
    ],
    [
      'quota 0: the channel is wanted but never granted',
      input({ site: 'whatsapp', who: who(client({ quota: 0 })) }),
      held(BLOCK, { rule: 'quota-used', quota: 0, wanted: 'emergency-channel' }),
    ],
    [
      'quota used off-hours, channel wanted',
      input({ quiet: OFF, site: 'whatsapp', history: h(0, 2) }),
      held(OFF, { rule: 'quota-used', quota: 2, wanted: 'emergency-channel' }),
    ],
    [
      'quota used, nothing wanted: no breakthrough, not quota-used',
      input({ history: h(0, 5) }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
    [
      'quota used off-hours, keyword only: emergencies only',
      input({ quiet: OFF, keyword: 'urgent', history: h(5, 5) }),
      held(OFF, { rule: 'emergencies-only' }),
    ],
    // 6. nothing
    ['block, nothing urgent', input(), held(BLOCK, { rule: 'no-breakthrough' })],
    ['off-hours, nothing urgent', input({ quiet: OFF }), held(OFF, { rule: 'emergencies-only' })],
    [
      'priority client, nothing urgent',
      input({ who: who(client({ tier: 'priority' })) }),
      held(BLOCK, { rule: 'no-breakthrough' }),
    ],
  ]

  it.each(cases)('%s', (_, given, expected) => {
    expect(decide(given)).toEqual(expected)
  })
})

describe('decide on what the compiled rules read', () => {
  const rules = rulesWith({
    clients: [
      client({
        identities: [
          id('email', 'Ana@Acme.com'),
          id('handle', '+34 600 111 222', 'whatsapp'),
          id('domain', 'acme.com'),
        ],
      }),
      testClient('pesados', {
        name: 'Pesados SL',
        tier: 'low-tolerance',
        identities: [id('domain', 'pesados.es'), id('name', 'Luis Gómez')],
      }),
      client({
        id: 'beta',
        name: 'Beta',
        identities: [id('name', 'Beta Team', 'slack')],
        keywords: false,
        repeat: { count: 2, minutes: 30 },
        channel: false,
      }),
    ],
    emergency: [BOSS, id('handle', '+34 699 000 000')],
    emergencyChannel: 'whatsapp',
  })
  const compiled = compileRules(rules)

  const cases: [
    string,
    QuietPeriod | null,
    SenderFacts,
    string,
    History,
    Pick<Decision, 'verdict' | 'reason'> & { rule: string },
  ][] = [
    [
      'Ana by email, "URGENTE" in a block',
      BLOCK,
      facts({ name: 'Ana', emails: ['ana@acme.com'] }),
      'URGENTE: el servidor no responde',
      NO_HISTORY,
      { verdict: 'deliver', reason: 'urgent-keyword', rule: 'urgent-keyword' },
    ],
    [
      'a colleague of Ana by domain, "lo antes posible" in a block',
      BLOCK,
      facts({ emails: ['pedro@ventas.acme.com'] }),
      'Contesta lo  antes posible, por favor',
      NO_HISTORY,
      { verdict: 'deliver', reason: 'urgent-keyword', rule: 'urgent-keyword' },
    ],
    [
      'Ana by email, "urgentemente" is not a keyword',
      BLOCK,
      facts({ emails: ['ana@acme.com'] }),
      'Necesito esto urgentemente',
      NO_HISTORY,
      { verdict: 'hold', reason: 'block', rule: 'no-breakthrough' },
    ],
    [
      'Ana on WhatsApp by phone, the emergency channel, off-hours',
      OFF,
      facts({ site: 'whatsapp', name: 'Ana', handles: ['34600111222'] }),
      'hola',
      NO_HISTORY,
      { verdict: 'deliver', reason: 'emergency-channel', rule: 'emergency-channel' },
    ],
    [
      'the same phone on Telegram: limited to WhatsApp, so unknown',
      BLOCK,
      facts({ site: 'telegram', name: 'Ana', handles: ['34600111222'] }),
      'urgent',
      NO_HISTORY,
      { verdict: 'hold', reason: 'block', rule: 'unknown-sender' },
    ],
    [
      'the boss by email, off-hours',
      OFF,
      facts({ emails: ['BOSS@home.es'] }),
      '',
      NO_HISTORY,
      { verdict: 'deliver', reason: 'emergency-sender', rule: 'emergency-sender' },
    ],
    [
      'the emergency phone on WhatsApp, written by a low-tolerance name',
      BLOCK,
      facts({ site: 'whatsapp', name: 'Luis Gomez', handles: ['34699000000'] }),
      '',
      NO_HISTORY,
      { verdict: 'deliver', reason: 'emergency-sender', rule: 'emergency-sender' },
    ],
    [
      'Luis (low tolerance, by name without accents) shouting "URGENT"',
      BLOCK,
      facts({ site: 'whatsapp', name: 'LUIS GOMEZ' }),
      'URGENT!!! call me',
      h(10, 0),
      { verdict: 'hold', reason: 'block', rule: 'low-tolerance' },
    ],
    [
      'Beta on Slack, the second message within its window',
      BLOCK,
      facts({ site: 'slack', name: 'someone', conversation: 'beta team' }),
      'ping',
      h(1, 0),
      { verdict: 'deliver', reason: 'repeat', rule: 'repeat' },
    ],
    [
      'Beta on Slack with a keyword, but Beta does not use keywords',
      BLOCK,
      facts({ site: 'slack', conversation: 'Beta Team' }),
      'asap',
      NO_HISTORY,
      { verdict: 'hold', reason: 'block', rule: 'no-breakthrough' },
    ],
    [
      '"Beta Team" on Teams: limited to Slack, so unknown',
      BLOCK,
      facts({ site: 'teams', name: 'Beta Team' }),
      'asap',
      h(5, 0),
      { verdict: 'hold', reason: 'block', rule: 'unknown-sender' },
    ],
    [
      'a stranger in open time',
      null,
      facts({ emails: ['who@else.org'] }),
      'urgent',
      NO_HISTORY,
      { verdict: 'deliver', reason: 'open', rule: 'open' },
    ],
  ]

  it.each(cases)('%s', (_, quiet, f, text, history, expected) => {
    const d = decide({
      quiet,
      site: f.site,
      who: compiled.match(f),
      keyword: compiled.keyword(text),
      emergencyChannel: compiled.emergencyChannel,
      history,
    })
    expect({ verdict: d.verdict, reason: d.reason, rule: d.why.rule }).toEqual(expected)
  })

  it('names the identity and the keyword as the user listed them', () => {
    const d = decide({
      quiet: BLOCK,
      site: 'gmail',
      who: compiled.match(facts({ emails: ['boss@home.es'] })),
      keyword: '',
      emergencyChannel: compiled.emergencyChannel,
      history: NO_HISTORY,
    })
    expect(d.why).toEqual({ rule: 'emergency-sender', identity: 'boss@home.es' })
    expect(compiled.keyword('Es URGÉNTE')).toBe('urgente')
    expect(compiled.keyword('please, ASAP.')).toBe('asap')
  })
})

describe('decide, for any input', () => {
  const site = fc.constantFrom('', 'gmail', 'whatsapp', 'slack', 'telegram', 'elsewhere')
  const identity: fc.Arbitrary<Identity> = fc.record({
    kind: fc.constantFrom('email', 'domain', 'name', 'handle'),
    value: fc.string({ maxLength: 12 }),
    site: fc.constantFrom('', 'gmail', 'whatsapp'),
  })
  // Beyond what the schema accepts too: decide must not rely on validation.
  const anyClient: fc.Arbitrary<Client> = fc.record({
    id: fc.string({ maxLength: 6 }),
    name: fc.string({ maxLength: 6 }),
    colour: fc.constant('#000000'),
    identities: fc.array(identity, { maxLength: 3 }),
    tier: fc.constantFrom('priority', 'standard', 'low-tolerance'),
    responseHours: fc.integer({ min: 1, max: 168 }),
    note: fc.constant(''),
    keywords: fc.boolean(),
    repeat: fc.option(
      fc.record({
        count: fc.integer({ min: -2, max: 25 }),
        minutes: fc.integer({ min: 0, max: 300 }),
      }),
    ),
    channel: fc.boolean(),
    quota: fc.integer({ min: -1, max: 60 }),
  })
  const anyInput: fc.Arbitrary<DecideInput> = fc.record({
    quiet: fc.option(
      fc.record({
        kind: fc.constantFrom('block', 'off-hours'),
        id: fc.string({ maxLength: 8 }),
        until: fc.integer(),
      }),
    ),
    site,
    who: fc.record({
      client: fc.option(anyClient),
      via: fc.option(identity),
      emergency: fc.option(identity),
    }),
    keyword: fc.oneof(fc.constant(''), fc.string({ maxLength: 10 })),
    emergencyChannel: site,
    history: fc.record({
      recent: fc.integer({ min: -3, max: 40 }),
      today: fc.integer({ min: -3, max: 60 }),
    }),
  })

  it('is total and deterministic, and its verdict agrees with its reason', () => {
    fc.assert(
      fc.property(anyInput, (given) => {
        const before = structuredClone(given)
        const d = decide(given)
        expect(given).toEqual(before)
        expect(decide(structuredClone(given))).toEqual(d)
        const heldReason = d.reason === 'block' || d.reason === 'off-hours'
        expect(d.verdict === 'deliver').toBe(!heldReason)
        if (!given.quiet)
          expect(d).toEqual({ verdict: 'deliver', reason: 'open', why: { rule: 'open' } })
        else if (d.verdict === 'hold') expect(d.reason).toBe(given.quiet.kind)
        else {
          expect(BREAKTHROUGH_REASONS).toContain(d.reason)
          expect(d.why.rule).toBe(d.reason)
        }
      }),
      { numRuns: 2_000 },
    )
  })

  it('lets no one but an emergency sender through a low-tolerance client or a used quota', () => {
    fc.assert(
      fc.property(anyInput, (given) => {
        const d = decide(given)
        const c = given.who.client
        const blocked = !c || c.tier === 'low-tolerance' || given.history.today >= c.quota
        if (given.quiet && !given.who.emergency && blocked) expect(d.verdict).toBe('hold')
        if (given.quiet?.kind === 'off-hours' && d.verdict === 'deliver')
          expect(['emergency-sender', 'emergency-channel']).toContain(d.reason)
      }),
      { numRuns: 2_000 },
    )
  })
})
