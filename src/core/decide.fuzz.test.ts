/**
 * decide() as the capture path drives it: rules the schema accepts, compiled; a sender matched
 * by the compiled rules; the urgent keyword found by them; any quiet period and any history.
 * decide.test.ts pins each rule with examples; here the rules of decide.ts and DESIGN.md's
 * glossary are held for any input, together with how the verdict must move when one thing
 * changes (a stricter period, a used quota, an emergency sender), and over a whole day of one
 * client's messages (the daily quota and the repeat rule).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRules } from './clients/compile'
import { historyOf, type PastCapture, startOfDay } from './clients/history'
import type { SenderFacts } from './clients/matcher'
import { type Client, DEFAULT_KEYWORDS, type Identity, Rules } from './clients/schema'
import { testClient } from './clients/testing'
import {
  BREAKTHROUGH_REASONS,
  type DecideInput,
  type Decision,
  decide,
  type History,
  NO_HISTORY,
  type QuietPeriod,
} from './decide'
import { breakthroughOptions } from './fuzz-testing'
import { Reason, Verdict } from './messages'
import { SITES } from './sites'

/** Generous: the runs take a few seconds, more on a loaded machine, and must not time out. */
const FUZZ = { timeout: 60_000 }

const SITE_IDS = SITES.map((s) => s.id)
const WHY_RULES = [
  'open',
  'emergency-sender',
  'emergency-channel',
  'urgent-keyword',
  'repeat',
  'unknown-sender',
  'low-tolerance',
  'quota-used',
  'emergencies-only',
  'no-breakthrough',
]

// A small world, so that senders often match clients and emergency identities.
const EMAILS = ['ana@acme.com', 'luis@acme.com', 'eva@zeta.es', 'boss@home.es']
const DOMAINS = ['acme.com', 'zeta.es', 'home.es']
const NAMES = ['Ana', 'José Pérez', 'Mamá', 'Zeta Estudio']
const HANDLES = ['@ana', '+34 600 111 222', 'zeta_bot']

/** Mostly two sites, so that a message often comes in on the emergency channel. */
const site = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('gmail', 'whatsapp') },
  fc.constantFrom(...SITE_IDS),
)
const identity: fc.Arbitrary<Identity> = fc
  .oneof(
    fc.record({ kind: fc.constant('email' as const), value: fc.constantFrom(...EMAILS) }),
    fc.record({ kind: fc.constant('domain' as const), value: fc.constantFrom(...DOMAINS) }),
    fc.record({ kind: fc.constant('name' as const), value: fc.constantFrom(...NAMES) }),
    fc.record({ kind: fc.constant('handle' as const), value: fc.constantFrom(...HANDLES) }),
  )
  .chain((i) =>
    fc.oneof({ weight: 3, arbitrary: fc.constant('') }, site).map((s) => ({ ...i, site: s })),
  )

const client: fc.Arbitrary<Client> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 8 }),
    identities: fc.array(identity, { maxLength: 4 }),
    tier: fc.constantFrom('priority' as const, 'standard' as const, 'low-tolerance' as const),
    ...breakthroughOptions,
  })
  .map(({ id, ...over }) => testClient(`c${id}`, over))

const rules: fc.Arbitrary<Rules> = fc
  .record({
    clients: fc.uniqueArray(client, { maxLength: 5, selector: (c) => c.id }),
    emergency: fc.array(identity, { maxLength: 2 }),
    keywords: fc.subarray([...DEFAULT_KEYWORDS, 'deadline', 'ya']),
    emergencyChannel: fc.oneof(fc.constant(''), site),
  })
  .map((r) => Rules.parse(r))

const facts: fc.Arbitrary<SenderFacts> = fc.record({
  site,
  name: fc.oneof(fc.constant(''), fc.constantFrom(...NAMES)),
  conversation: fc.oneof(fc.constant(''), fc.constantFrom(...NAMES)),
  emails: fc.subarray(EMAILS, { maxLength: 2 }),
  handles: fc.subarray(['ana', '34600111222', 'zeta_bot', 'nobody'], { maxLength: 2 }),
})

const text = fc
  .array(
    fc.constantFrom('hola', 'URGENTE', 'asap!', 'urgentemente', 'Lo antes  posible', 'ok', ''),
    {
      maxLength: 4,
    },
  )
  .map((words) => words.join(' '))

const quiet: fc.Arbitrary<QuietPeriod | null> = fc.option(
  fc.record({
    kind: fc.constantFrom('block' as const, 'off-hours' as const),
    id: fc.string({ maxLength: 12 }),
    until: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  }),
  { freq: 4 },
)
const history: fc.Arbitrary<History> = fc.record({
  recent: fc.nat({ max: 30 }),
  today: fc.nat({ max: 60 }),
})

/** One decision's input, built as the capture path builds it. */
const input: fc.Arbitrary<DecideInput> = fc
  .record({ rules, facts, text, quiet, history })
  .map(({ rules, facts, text, quiet, history }) => {
    const compiled = compileRules(rules)
    const who = compiled.match(facts)
    return {
      quiet,
      site: facts.site,
      who,
      keyword: compiled.keyword(text),
      emergencyChannel: compiled.emergencyChannel,
      // The path reads no history for an emergency sender.
      history: who.emergency ? NO_HISTORY : history,
    }
  })

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const x of Object.values(v)) deepFreeze(x)
  }
  return v
}

const RUNS = { numRuns: 1_000 }

describe('decide, for any input the capture path can build', FUZZ, () => {
  it('reaches every rule from generated inputs (else the properties below prove little)', () => {
    const rules = new Set(
      fc.sample(input, { numRuns: 1_000, seed: 6 }).map((i) => decide(i).why.rule),
    )
    expect([...rules].sort()).toEqual([...WHY_RULES].sort())
  })

  it('is total and deterministic, mutates nothing, and answers in the glossary terms', () => {
    fc.assert(
      fc.property(input, (given) => {
        const copy = structuredClone(given)
        // Frozen: any write to the input, however deep, throws (modules run in strict mode).
        const d = decide(deepFreeze(given))
        expect(given).toEqual(copy)
        expect(decide(copy)).toEqual(d)
        expect(Verdict.options).toContain(d.verdict)
        expect(Reason.options).toContain(d.reason)
        expect(WHY_RULES).toContain(d.why.rule)
      }),
      RUNS,
    )
  })

  it('holds the rules of decide.ts and the glossary', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decide(i)
        const c = i.who.client
        // 1. Outside a quiet period everything is delivered.
        if (!i.quiet)
          return void expect(d).toEqual({
            verdict: 'deliver',
            reason: 'open',
            why: { rule: 'open' },
          })
        // A held verdict carries the quiet period's kind; a delivery is a breakthrough.
        if (d.verdict === 'hold') expect(d.reason).toBe(i.quiet.kind)
        else {
          expect(BREAKTHROUGH_REASONS).toContain(d.reason)
          expect(d.why.rule).toBe(d.reason)
        }
        // 2. An emergency sender gets through any quiet period.
        if (i.who.emergency)
          return void expect(d).toEqual({
            verdict: 'deliver',
            reason: 'emergency-sender',
            why: { rule: 'emergency-sender', identity: i.who.emergency.value },
          })
        // 3, 4. Nobody else gets through as an unknown sender or a low-tolerance client.
        if (!c || c.tier === 'low-tolerance') expect(d.verdict).toBe('hold')
        // Off-hours hold everything but emergencies.
        if (i.quiet.kind === 'off-hours' && d.verdict === 'deliver')
          expect(d.reason).toBe('emergency-channel')
        // 5. Each breakthrough only by its own rule, and within the client's daily quota.
        if (d.verdict === 'deliver') {
          expect(c).not.toBeNull()
          expect(i.history.today).toBeLessThan((c as Client).quota)
        }
        if (d.why.rule === 'emergency-channel') {
          expect(c?.channel).toBe(true)
          expect(i.emergencyChannel).not.toBe('')
          expect(d.why.site).toBe(i.site)
          expect(i.site).toBe(i.emergencyChannel)
        }
        if (d.why.rule === 'urgent-keyword') {
          expect([c?.keywords, i.quiet.kind]).toEqual([true, 'block'])
          expect(d.why.keyword).toBe(i.keyword)
          expect(d.why.keyword).not.toBe('')
        }
        if (d.why.rule === 'repeat') {
          expect(i.quiet.kind).toBe('block')
          expect(d.why).toEqual({ rule: 'repeat', ...c?.repeat })
          expect(i.history.recent + 1).toBeGreaterThanOrEqual(c?.repeat?.count as number)
        }
        // A rule that applies and is within quota is never refused.
        const channel = c?.channel && i.emergencyChannel !== '' && i.site === i.emergencyChannel
        if (c && c.tier !== 'low-tolerance' && channel && i.history.today < c.quota)
          expect(d.reason).toBe('emergency-channel')
      }),
      RUNS,
    )
  })

  it('moves the verdict only the documented way when one thing changes', () => {
    const rank = (d: Decision) => (d.verdict === 'deliver' ? 1 : 0)
    fc.assert(
      fc.property(input, fc.string(), fc.integer(), (i, id, until) => {
        const d = decide(i)
        // Which period or session it is, and when it ends, decide nothing.
        if (i.quiet) expect(decide({ ...i, quiet: { ...i.quiet, id, until } })).toEqual(d)
        if (i.quiet?.kind === 'block') {
          // Off-hours are stricter than a block, never looser.
          expect(
            rank(decide({ ...i, quiet: { ...i.quiet, kind: 'off-hours' } })),
          ).toBeLessThanOrEqual(rank(d))
        }
        const c = i.who.client
        if (c && !i.who.emergency) {
          const more = (h: Partial<History>) => decide({ ...i, history: { ...i.history, ...h } })
          // A used breakthrough never opens the way for another; one more message never closes it.
          expect(rank(more({ today: i.history.today + 1 }))).toBeLessThanOrEqual(rank(d))
          expect(rank(more({ recent: i.history.recent + 1 }))).toBeGreaterThanOrEqual(rank(d))
          // Taking a breakthrough option away, or the quota down, never lets more through.
          const withClient = (over: Partial<Client>) =>
            decide({ ...i, who: { ...i.who, client: { ...c, ...over } } })
          for (const over of [
            { keywords: false },
            { channel: false },
            { repeat: null },
            { quota: Math.max(0, c.quota - 1) },
            { tier: 'low-tolerance' as const },
          ])
            expect(rank(withClient(over))).toBeLessThanOrEqual(rank(d))
        }
        // An emergency sender is never held in a quiet period.
        const boss: Identity = { kind: 'email', value: 'boss@home.es', site: '' }
        const urgent = decide({ ...i, who: { ...i.who, emergency: boss } })
        expect(urgent.verdict).toBe('deliver')
        expect(rank(urgent)).toBeGreaterThanOrEqual(rank(d))
      }),
      RUNS,
    )
  })
})

describe("decide over one client's day of messages in a block", FUZZ, () => {
  const DAY = Date.UTC(2026, 10, 24, 12)
  const BLOCK: QuietPeriod = { kind: 'block', id: 'b', until: DAY + 86_400_000 }
  const QUOTA_REASONS = ['emergency-channel', 'urgent-keyword', 'repeat']

  /** Each message decided with the history the store would give from the ones before it. */
  function play(c: Client, msgs: { gap: number; keyword: boolean; channel: boolean }[]) {
    const past: (PastCapture & { reason: Decision['reason'] })[] = []
    let at = startOfDay(DAY) + 60_000
    for (const m of msgs) {
      at += m.gap
      const d = decide({
        quiet: BLOCK,
        site: m.channel ? 'whatsapp' : 'gmail',
        who: { client: c, via: c.identities[0] ?? null, emergency: null },
        keyword: m.keyword ? 'urgente' : '',
        emergencyChannel: 'whatsapp',
        history: historyOf(past, c, at),
      })
      past.push({ at, verdict: d.verdict, reason: d.reason })
    }
    return past
  }

  const day = fc.array(
    fc.record({
      // Up to 20 minutes apart: a day's worth stays within one local day.
      gap: fc.integer({ min: 0, max: 20 * 60_000 }),
      keyword: fc.boolean(),
      channel: fc.boolean(),
    }),
    { maxLength: 60 },
  )

  it('never lets a client through more often than its daily quota', () => {
    fc.assert(
      fc.property(client, day, (c, msgs) => {
        const past = play(c, msgs)
        const used = past.filter((p) => p.verdict === 'deliver' && QUOTA_REASONS.includes(p.reason))
        expect(used.length).toBeLessThanOrEqual(c.tier === 'low-tolerance' ? 0 : c.quota)
      }),
      { numRuns: 500 },
    )
  })

  it("lets the repeat rule's count-th message through, while the quota lasts", () => {
    const repeating = client.filter((c) => c.tier !== 'low-tolerance' && c.repeat !== null)
    fc.assert(
      fc.property(repeating, day, (c0, msgs) => {
        const c = { ...c0, quota: 50, keywords: false, channel: false }
        const past = play(c, msgs)
        const { count, minutes } = c.repeat as { count: number; minutes: number }
        // No `count` held messages in a row within `minutes`: the last of them broke through.
        for (let end = count - 1; end < past.length; end++) {
          const run = past.slice(end - count + 1, end + 1)
          const within = (run.at(-1)?.at ?? 0) - (run[0]?.at ?? 0) < minutes * 60_000
          if (within) expect(run.some((p) => p.verdict === 'deliver')).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })
})
