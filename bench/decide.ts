/**
 * Figure 5, DESIGN.md's budget "decide: ≥ 200k decisions/s with 500 clients × 5 identities":
 * the decision (match, urgent keyword, history, rules) on parsed captures, with rules of that
 * size; and, for information, the whole pure per-capture path the background runs in
 * src/background/captures.ts. It runs bundled, as the extension ships (bench/decide-main.ts,
 * see run.ts): under tsx every function carries a naming helper that costs more than decide()
 * itself. The whole path, per capture:
 *   siteForUrl (origin, then tab URL) → parseCapture (the site's parser) → rules.match →
 *   rules.keyword on the parsed text → historyOf the client's recent captures (in a quiet
 *   period, for a client that is not low-tolerance and not an emergency sender, as the handler
 *   does) → decide → the per-tab rate limiter.
 * Reading the client's captures from the store is not pure and is not measured: each client has a
 * small stored past (0–6 captures) here.
 *
 * The rules: 500 clients × 5 identities (emails, whole domains, names with accents, phone numbers
 * limited to WhatsApp, Slack and Telegram handles, a billing address limited to Gmail, project
 * names for group chats), tiers in turn, 30 emergency senders, the default urgent keywords and
 * WhatsApp as the emergency channel. They pass validateRules, so they are rules a user could save.
 *
 * The payloads: Gmail (generic parser, "Name <address>" titles) from known clients by address and
 * by domain, unknown senders and emergency senders; WhatsApp by tag ("34600…@c.us", groups
 * "…@g.us" named after a client's project); Slack by name; Telegram Web K by peer id; Messenger's
 * JSON titles. Bodies in Spanish and English, close to half with an urgent keyword (and some with
 * near misses such as "urgentemente"). Every payload states whom it should match; the bench checks
 * that before timing, so a figure never measures a path that silently stopped matching.
 *
 * Also: compileRules for the same rules (once per settings change), and the path with the
 * router's JSON size check and zod parse of the message in front (src/background/router.ts).
 */
import { type CompiledRules, compileRules } from '../src/core/clients/compile'
import { historyOf, type PastCapture } from '../src/core/clients/history'
import type { Match } from '../src/core/clients/matcher'
import { factsOf, readCapture } from '../src/core/clients/read'
import {
  type Client,
  clientDefaults,
  DEFAULT_KEYWORDS,
  type Identity,
  type Rules,
  type Tier,
} from '../src/core/clients/schema'
import { validateRules } from '../src/core/clients/validate'
import {
  type DecideInput,
  decide,
  type History,
  NO_HISTORY,
  type QuietPeriod,
} from '../src/core/decide'
import { LIMITS } from '../src/core/limits'
import { ContentMsg } from '../src/core/messages'
import { createRateLimiter } from '../src/core/rate-limit'
import { siteForUrl } from '../src/core/sites'
import { type CaptureInput, parseCapture } from '../src/core/sites/parse'
import type { Figure } from './lib/figure'
import { median, round } from './lib/stats'

const CLIENTS = 500
const IDENTITIES = 5
const EMERGENCY = 30
const MINUTE = 60_000
/** Tuesday 24 November 2026, 10:00 local time. */
const NOW = new Date(2026, 10, 24, 10, 0).getTime()

/** A small seeded generator (mulberry32): the same rules and payloads on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rnd = random(20261124)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T

const FIRST = ['José', 'María', 'Lucía', 'Ángel', 'Nuria', 'Iñaki', 'Zoë', 'Chloé', 'Björn', 'Ana']
const LAST = ['Pérez', 'Gómez', 'Ruiz', 'Muñoz', 'Díaz', 'Álvarez', 'Smith', 'Müller', 'Rossi']
const LAST2 = ['Durán', 'Ortega', 'Sáez', 'Nieto', 'Vidal', 'Peña', 'Brown', 'Costa', 'León']

const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const person = (i: number) => ({
  first: FIRST[i % FIRST.length] as string,
  last: LAST[Math.floor(i / FIRST.length) % LAST.length] as string,
  last2: LAST2[Math.floor(i / (FIRST.length * LAST.length)) % LAST2.length] as string,
})
const fullName = (i: number) => {
  const p = person(i)
  return `${p.first} ${p.last} ${p.last2}`
}
const emailOf = (i: number) => {
  const p = person(i)
  return `${ascii(p.first)}.${ascii(p.last)}@client${i}.com`
}
/** The client's mobile number as the user typed it, and as WhatsApp's tag carries it. */
const phoneOf = (i: number) => `+34 6${String(i).padStart(2, '0')} ${String(100_000 + i * 7)}`
export const waUserOf = (i: number) => `346${String(i).padStart(2, '0')}${String(100_000 + i * 7)}`
const telegramIdOf = (i: number) => String(700_000_000 + i * 13)
const projectOf = (i: number) => `Proyecto ${ascii(LAST2[i % LAST2.length] as string)} ${i}`

const TIERS: readonly Tier[] = ['priority', 'standard', 'standard', 'low-tolerance']

function clientOf(i: number): Client {
  const tier = TIERS[i % TIERS.length] as Tier
  const id = (kind: Identity['kind'], value: string, site: Identity['site'] = ''): Identity => ({
    kind,
    value,
    site,
  })
  const identities: Identity[] = [
    id('email', emailOf(i)),
    i % 3 === 0 ? id('domain', `client${i}.com`) : id('domain', `*.grupo${i}.es`),
    id('name', fullName(i), i % 4 === 0 ? 'slack' : ''),
    i % 3 === 0
      ? id('handle', phoneOf(i), 'whatsapp')
      : i % 3 === 1
        ? id('handle', `@${ascii(person(i).first)}_${i}`, 'slack')
        : id('handle', telegramIdOf(i), 'telegram'),
    i % 2 === 0 ? id('email', `Facturas@Client${i}.es`, 'gmail') : id('name', projectOf(i)),
  ]
  return {
    id: `c${i}`,
    name: `Cliente ${i} S.L.`,
    colour: `#${(0x102030 + i * 0x0a0b0c).toString(16).slice(-6).padStart(6, '0')}`,
    identities,
    tier,
    responseHours: 24,
    note: '',
    ...clientDefaults(tier),
  }
}

function emergencyOf(j: number): Identity {
  if (j < 12) return { kind: 'email', value: `boss${j}@home.es`, site: '' }
  if (j < 22) return { kind: 'handle', value: `+34 699 ${String(100_000 + j)}`, site: 'whatsapp' }
  if (j < 26) return { kind: 'name', value: `Mamá ${j}`, site: '' }
  return { kind: 'domain', value: `hospital${j}.es`, site: '' }
}

export const BENCH_RULES: Rules = {
  clients: Array.from({ length: CLIENTS }, (_, i) => clientOf(i)),
  emergency: Array.from({ length: EMERGENCY }, (_, j) => emergencyOf(j)),
  keywords: [...DEFAULT_KEYWORDS],
  emergencyChannel: 'whatsapp',
}

// Bodies: Spanish and English, about a third with an urgent keyword, some near misses.
const BODIES: readonly [string, string][] = [
  ['Hola, ¿puedes revisar el presupuesto antes de las cinco? Gracias.', ''],
  ['Te adjunto la factura de octubre. Un saludo,', ''],
  ['URGENTE: el servidor de producción no responde desde las 9:40.', 'urgente'],
  ['¿Me lo puedes mandar lo antes posible? El cliente está esperando.', 'lo antes posible'],
  ['Please reply ASAP, the deadline moved to today.', 'asap'],
  ['Necesito esto urgentemente para la reunión del jueves.', ''],
  ['Quick question about the mock-ups when you have a minute.', ''],
  ['Critical: the payment page shows a 500 error for every customer.', 'critical'],
  ['Re: propuesta — he añadido mis comentarios en el documento compartido, échale un ojo.', ''],
  ['Es una emergencia, llámame en cuanto puedas.', 'emergencia'],
  ['👍', ''],
  [
    'Buenos días, te escribo para confirmar la reunión del martes a las 10:00 en nuestras ' +
      'oficinas. Si necesitas cambiar la hora, dímelo y lo organizamos. También te paso el enlace ' +
      'al acta de la última reunión por si quieres repasarla antes.',
    '',
  ],
]

type Expect = { client: string } | { emergency: true } | { unknown: true }

interface Payload {
  origin: string
  tabUrl: string
  cap: CaptureInput
  expect: Expect
  keyword: string
}

function payloadOf(n: number): Payload {
  const [body, keyword] = pick(BODIES)
  const known = (i: number): Expect => ({ client: `c${i}` })
  const gmail = (title: string, expect: Expect): Payload => ({
    origin: 'https://mail.google.com',
    tabUrl: 'https://mail.google.com/mail/u/0/#inbox',
    cap: { title, body, tag: '', data: '', pageUrl: 'https://mail.google.com/mail/u/0/#inbox' },
    expect,
    keyword,
  })
  const whatsapp = (title: string, text: string, tag: string, expect: Expect): Payload => ({
    origin: 'https://web.whatsapp.com',
    tabUrl: 'https://web.whatsapp.com/',
    cap: { title, body: text, tag, data: '', pageUrl: 'https://web.whatsapp.com/' },
    expect,
    keyword,
  })
  const i = Math.floor(rnd() * CLIENTS)
  switch (n % 14) {
    case 0:
    case 1:
      return gmail(`${fullName(i)} <${emailOf(i)}>`, known(i))
    case 2: {
      // A colleague at the client's domain (or a subdomain of a "*.grupoN.es" one).
      const j = i - (i % 3) + (n % 2 === 0 ? 0 : 1)
      const address = j % 3 === 0 ? `pedro@client${j}.com` : `pedro@ventas.grupo${j}.es`
      return gmail(`Pedro Sanz <${address}>`, known(j))
    }
    case 3:
      return gmail(`Newsletter <news@tienda${i}.example>`, { unknown: true })
    case 4:
      return gmail(`"Ruiz, Carmen" <carmen.ruiz${i}@otra-empresa.es>`, { unknown: true })
    case 5: {
      const j = i - (i % 3) // a client with a phone number on WhatsApp
      return whatsapp(fullName(j), body, `${waUserOf(j)}@c.us`, known(j))
    }
    case 6:
      return whatsapp('+34 655 12 34 56', body, '34655123456@c.us', { unknown: true })
    case 7: {
      const j = i - (i % 2) + 1 // a client with a project name: a group chat
      const tag = `1203630${String(j).padStart(11, '0')}@g.us`
      return whatsapp(projectOf(j), `Marta: ${body}`, tag, known(j))
    }
    case 8: {
      const j = 12 + (i % 10)
      return whatsapp('Jefe', body, `34699${100_000 + j}@c.us`, { emergency: true })
    }
    case 9:
      return gmail(`Jefe <boss${i % 12}@home.es>`, { emergency: true })
    case 10: {
      const j = i - (i % 4) // a client whose name is limited to Slack
      return {
        origin: 'https://app.slack.com',
        tabUrl: 'https://app.slack.com/client/T024BE7LD/C024BE91L',
        cap: {
          title: `New message from ${fullName(j)}`,
          body,
          tag: '',
          data: '',
          pageUrl: 'https://app.slack.com/client/T024BE7LD/C024BE91L',
        },
        // The generic parser reads the whole title as the name: unknown, as on the real site.
        expect: { unknown: true },
        keyword,
      }
    }
    case 11: {
      const j = i - (i % 4)
      return {
        origin: 'https://app.slack.com',
        tabUrl: 'https://app.slack.com/client/T024BE7LD/D024BE91L',
        cap: {
          title: fullName(j).toUpperCase(),
          body,
          tag: '',
          data: '',
          pageUrl: 'https://app.slack.com/client/T024BE7LD/D024BE91L',
        },
        expect: known(j),
        keyword,
      }
    }
    case 12: {
      const j = i - (i % 3) + 2 // a client with a Telegram id
      const peer = telegramIdOf(j)
      return {
        origin: 'https://web.telegram.org',
        tabUrl: 'https://web.telegram.org/k/',
        cap: {
          title: fullName(j),
          body,
          tag: `u${peer}`,
          data: JSON.stringify({ custom: { msg_id: String(4000 + n), peerId: peer } }),
          pageUrl: 'https://web.telegram.org/k/',
        },
        expect: j < CLIENTS ? known(j) : { unknown: true },
        keyword,
      }
    }
    default: {
      const j = i % 4 === 0 ? i + 1 : i // names limited to Slack are not read on Messenger
      return {
        origin: 'https://www.messenger.com',
        tabUrl: 'https://www.messenger.com/t/100012345',
        cap: {
          title: JSON.stringify({ props: { content: [fullName(j)] } }),
          body: JSON.stringify({ props: { content: [body] } }),
          tag: '',
          data: '',
          pageUrl: 'https://www.messenger.com/t/100012345',
        },
        expect: j < CLIENTS ? known(j) : { unknown: true },
        keyword,
      }
    }
  }
}

/** 211 payloads: a prime, so that payload, quiet period and tab do not move in step. */
const PAYLOADS: readonly Payload[] = Array.from({ length: 211 }, (_, n) => payloadOf(n))

/** Mostly blocks, as the budget's scenario says; some off-hours and some open time. */
const BLOCK: QuietPeriod = { kind: 'block', id: 'b1', until: NOW + 50 * MINUTE }
const OFF: QuietPeriod = { kind: 'off-hours', id: 'o1', until: NOW + 12 * 60 * MINUTE }
const QUIET: readonly (QuietPeriod | null)[] = [BLOCK, BLOCK, BLOCK, OFF, BLOCK, BLOCK, null, BLOCK]

/** Each client's stored past for today: 0–6 captures, some of them breakthroughs. */
const PAST = new Map<string, PastCapture[]>(
  BENCH_RULES.clients.map((c, i) => [
    c.id,
    Array.from({ length: i % 7 }, (_, k) => ({
      at: NOW - ((i % 7) - k) * 3 * MINUTE,
      verdict: k === 1 ? ('deliver' as const) : ('hold' as const),
      reason: k === 1 ? ('urgent-keyword' as const) : ('block' as const),
    })),
  ]),
)

/** As the capture handler asks: only in a quiet period, for a client with breakthrough rules. */
function historyFor(who: Match, quiet: QuietPeriod | null, at: number): History {
  const client = who.client
  return quiet && client && !who.emergency && client.tier !== 'low-tolerance'
    ? historyOf(PAST.get(client.id) ?? [], client, at)
    : NO_HISTORY
}

type Step = (i: number) => number

/** Ops per second of `step`, median of `reps` runs of about `ms` each. */
function throughput(step: Step, reps = 7, ms = 400): number {
  let sink = 0
  for (let i = 0; i < 20_000; i++) sink += step(i) // warm the JIT
  const rates: number[] = []
  for (let r = 0; r < reps; r++) {
    let n = 0
    const t0 = performance.now()
    let t = t0
    while (t - t0 < ms) {
      for (let k = 0; k < 1_000; k++) sink += step(n++)
      t = performance.now()
    }
    rates.push(n / ((t - t0) / 1000))
  }
  if (sink === -1) console.log(sink) // keep the work observable
  return median(rates)
}

/** Median milliseconds of `fn`, over `reps` runs after two warm-up runs. */
function timeMs(fn: () => unknown, reps: number): number {
  fn()
  fn()
  const times: number[] = []
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return median(times)
}

const TABS = Array.from({ length: 64 }, (_, i) => String(i))

/** The pure per-capture path of src/background/captures.ts, with these rules. */
function pathOf(rules: CompiledRules): Step {
  const limiter = createRateLimiter(LIMITS.capturesPerTabPerMinute, 60_000)
  return (i) => {
    const p = PAYLOADS[i % PAYLOADS.length] as Payload
    const site = siteForUrl(p.origin) ?? siteForUrl(p.tabUrl)
    const siteId = site?.id ?? ''
    const { parsed, who, keyword } = readCapture(rules, site, p.cap)
    const quiet = QUIET[i & 7] as QuietPeriod | null
    const history = historyFor(who, quiet, NOW + (i & 1023))
    const d = decide({
      quiet,
      site: siteId,
      who,
      keyword,
      emergencyChannel: rules.emergencyChannel,
      history,
    })
    const allowed = limiter.allow(TABS[i & 63] as string, i)
    return d.verdict.length + d.why.rule.length + parsed.name.length + (allowed ? 1 : 0)
  }
}

/** Before timing: every payload is read as it should be, and the mix is what it claims. */
function checkPayloads(rules: CompiledRules): Record<string, number> {
  const mix: Record<string, number> = {}
  const add = (k: string) => {
    mix[k] = (mix[k] ?? 0) + 1
  }
  PAYLOADS.forEach((p, n) => {
    const site = siteForUrl(p.origin) ?? siteForUrl(p.tabUrl)
    const { parsed, who, keyword } = readCapture(rules, site, p.cap)
    const got: Expect = who.emergency
      ? { emergency: true }
      : who.client
        ? { client: who.client.id }
        : { unknown: true }
    if (JSON.stringify(got) !== JSON.stringify(p.expect) || keyword !== p.keyword)
      throw new Error(
        `decide bench: payload ${n} (${p.origin}, ${JSON.stringify(p.cap.title)}) read as ` +
          `${JSON.stringify(got)} with keyword '${keyword}', expected ${JSON.stringify(p.expect)} ` +
          `with '${p.keyword}': the rules or the parsers changed; fix the payloads`,
      )
    add(`site:${site?.id}`)
    add('emergency' in got ? 'emergency' : 'client' in got ? 'client' : 'unknown')
    if (keyword) add('keyword')
    if (parsed.recognised) add('recognised')
    for (const quiet of QUIET) {
      const d = decide({
        quiet,
        site: site?.id ?? '',
        who,
        keyword,
        emergencyChannel: rules.emergencyChannel,
        history: historyFor(who, quiet, NOW),
      })
      add(`${d.verdict}:${d.why.rule}`)
    }
  })
  return mix
}

export function decideBench(): { figures: Figure[]; raw: Record<string, unknown> } {
  const check = validateRules(BENCH_RULES)
  if (!check.ok)
    throw new Error(
      `decide bench: the generated rules are invalid: ${JSON.stringify(check.errors[0])}`,
    )
  const identities = BENCH_RULES.clients.reduce((n, c) => n + c.identities.length, 0)
  if (BENCH_RULES.clients.length !== CLIENTS || identities !== CLIENTS * IDENTITIES)
    throw new Error('decide bench: not 500 clients × 5 identities')

  const rules = compileRules(BENCH_RULES)
  const mix = checkPayloads(rules)
  const path = pathOf(rules)

  const msgs = PAYLOADS.map((p, n) => ({
    type: 'content/capture',
    cap: {
      ref: `r-${n}`,
      api: 'ctor',
      mode: 'pending',
      title: p.cap.title,
      body: p.cap.body,
      tag: p.cap.tag,
      icon: '',
      data: p.cap.data,
    },
  }))
  const withParse: Step = (i) => {
    const msg = msgs[i % msgs.length]
    const size = JSON.stringify(msg).length
    if (size > LIMITS.messageBytes) return 0
    const parsed = ContentMsg.safeParse(msg)
    return (parsed.success ? path(i) : 0) + size
  }

  // decide() alone, on the inputs the path builds (the rest of the path precomputed).
  const inputs: DecideInput[] = PAYLOADS.flatMap((p) => {
    const site = siteForUrl(p.origin)
    const { who, keyword } = readCapture(rules, site, p.cap)
    return QUIET.map((quiet) => ({
      quiet,
      site: site?.id ?? '',
      who,
      keyword,
      emergencyChannel: rules.emergencyChannel,
      history: historyFor(who, quiet, NOW),
    }))
  })
  const decideOnly: Step = (i) => decide(inputs[i % inputs.length] as DecideInput).verdict.length
  const parseOnly: Step = (i) => {
    const p = PAYLOADS[i % PAYLOADS.length] as Payload
    return parseCapture(siteForUrl(p.origin), p.cap).name.length
  }
  // Matching and keywords alone, on what the parsers read (computed once here).
  const read = PAYLOADS.map((p) => {
    const site = siteForUrl(p.origin)
    const parsed = parseCapture(site, p.cap)
    return { facts: factsOf(site?.id ?? '', parsed), text: parsed.text }
  })
  const matchOnly: Step = (i) => {
    const who = rules.match((read[i % read.length] as (typeof read)[number]).facts)
    return who.client ? 1 : 0
  }
  const keywordOnly: Step = (i) =>
    rules.keyword((read[i % read.length] as (typeof read)[number]).text).length
  // The decision itself, on what the parsers read: who (match), urgent keyword, history, rules.
  const decision: Step = (i) => {
    const r = read[i % read.length] as (typeof read)[number]
    const who = rules.match(r.facts)
    const keyword = rules.keyword(r.text)
    const quiet = QUIET[i & 7] as QuietPeriod | null
    const d = decide({
      quiet,
      site: r.facts.site,
      who,
      keyword,
      emergencyChannel: rules.emergencyChannel,
      history: historyFor(who, quiet, NOW + (i & 1023)),
    })
    return d.verdict.length
  }

  const raw = {
    decisionPerSec: throughput(decision),
    pathPerSec: throughput(path),
    withZodPerSec: throughput(withParse),
    decideOnlyPerSec: throughput(decideOnly),
    parseOnlyPerSec: throughput(parseOnly),
    matchOnlyPerSec: throughput(matchOnly),
    keywordOnlyPerSec: throughput(keywordOnly),
    compileMs: timeMs(() => compileRules(BENCH_RULES), 25),
    validateMs: timeMs(() => validateRules(BENCH_RULES), 10),
    clients: CLIENTS,
    identities,
    emergency: BENCH_RULES.emergency.length,
    payloads: PAYLOADS.length,
    mix,
  }
  const k = (x: number) => (x >= 1e6 ? `${round(x / 1e6)}M/s` : `${round(x / 1000)}k/s`)
  const pct = (key: string) => `${Math.round(((mix[key] ?? 0) / PAYLOADS.length) * 100)}%`
  return {
    figures: [
      {
        key: 'decide.decisionPerSec',
        label: 'decide: decisions, 500 clients × 5 identities (bundled as shipped, Node)',
        value: raw.decisionPerSec,
        unit: '/s',
        budget: { op: '>=', limit: 200_000 },
        note: 'per parsed capture: match + urgent keyword + historyOf + decide',
      },
      {
        key: 'decide.pathPerSec',
        label: '  whole pure capture path, same rules',
        value: raw.pathPerSec,
        unit: '/s',
        note:
          'siteForUrl + parseCapture + match + keyword + historyOf + decide + rate limiter; ' +
          `${PAYLOADS.length} payloads: ${pct('client')} known clients, ${pct('unknown')} unknown, ` +
          `${pct('emergency')} emergency, ${pct('keyword')} with a keyword; 6/8 block, ` +
          `1/8 off-hours, 1/8 open. Each step alone: parseCapture ${k(raw.parseOnlyPerSec)}, ` +
          `match ${k(raw.matchOnlyPerSec)}, keyword ${k(raw.keywordOnlyPerSec)}, ` +
          `decide() ${k(raw.decideOnlyPerSec)}`,
      },
      {
        key: 'decide.withZodPerSec',
        label: '  same, with the router’s JSON size check + zod ContentMsg parse',
        value: raw.withZodPerSec,
        unit: '/s',
      },
      {
        key: 'decide.compileMs',
        label: '  compileRules, 500 clients × 5 identities + 30 emergency (per settings change)',
        value: raw.compileMs,
        unit: 'ms',
        note: `validateRules (zod + cross-field checks) of the same rules: ${round(raw.validateMs, 2)} ms`,
      },
    ],
    raw,
  }
}
