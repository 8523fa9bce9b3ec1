/**
 * Figure 5, for now: throughput of the pure per-capture path the background runs in
 * src/background/captures.ts (siteForUrl on origin then tab URL, decide, the per-tab rate limiter,
 * senderOf), in Node. The budget's "500 clients × 5 identities" needs client matching, which does
 * not exist yet; this figure is labelled accordingly. Also, for reference: decide() alone, and the
 * path with the router's zod parse of the message in front (src/background/router.ts).
 */

import { decide, type QuietPeriod } from '../src/core/decide'
import { LIMITS } from '../src/core/limits'
import { ContentMsg } from '../src/core/messages'
import { createRateLimiter } from '../src/core/rate-limit'
import { senderOf } from '../src/core/sender'
import { SITES, siteForUrl } from '../src/core/sites'
import type { Figure } from './lib/figure'
import { median, round } from './lib/stats'

const ORIGINS = [
  ...SITES.flatMap((s) => s.hosts.map((h) => `https://${h}`)),
  'https://unwatched.margen.test',
  'null',
]
const TITLES = [
  'Ana Ruiz',
  'New message from Ana Ruiz',
  'Acme Project',
  'Ana Ruiz @ Acme Project',
  '#ops',
  JSON.stringify({ props: { content: ['Ana Ruiz'] } }),
  '  Invoice 2024-17 - Hi, the invoice is attached  ',
  'Luis Gómez (3)',
]
const QUIET: (QuietPeriod | null)[] = [null, { kind: 'block', id: 's1', until: 1e15 }]

const caps = TITLES.map((title, i) => ({
  type: 'content/capture',
  cap: {
    ref: `r-${i}`,
    api: 'ctor',
    mode: 'pending',
    title,
    body: 'Hola, ¿puedes revisar el presupuesto antes de las cinco?',
    tag: `t${i}`,
    icon: '',
    data: '',
  },
}))

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

const limiter = createRateLimiter(LIMITS.capturesPerTabPerMinute, 60_000)
const TABS = Array.from({ length: 64 }, (_, i) => String(i))

/** What the capture handler does before it writes to the store. */
const path: Step = (i) => {
  const origin = ORIGINS[i % ORIGINS.length] as string
  const site = siteForUrl(origin) ?? siteForUrl('https://mail.google.com/mail/u/0/')
  const decision = decide(QUIET[i & 1] as QuietPeriod | null)
  const allowed = limiter.allow(TABS[i & 63] as string, i)
  const sender = senderOf(site, TITLES[i % TITLES.length] as string)
  return sender.key.length + decision.verdict.length + (allowed ? 1 : 0)
}

const decideOnly: Step = (i) => decide(QUIET[i & 1] as QuietPeriod | null).verdict.length

const withParse: Step = (i) => {
  const msg = caps[i % caps.length]
  const size = JSON.stringify(msg).length
  const parsed = ContentMsg.safeParse(msg)
  return (parsed.success ? path(i) : 0) + size
}

export function decideBench(): { figures: Figure[]; raw: Record<string, number> } {
  const raw = {
    pathPerSec: throughput(path),
    decideOnlyPerSec: throughput(decideOnly),
    withZodPerSec: throughput(withParse),
  }
  const k = (x: number) => (x >= 1e6 ? `${round(x / 1e6)}M/s` : `${round(x / 1000)}k/s`)
  return {
    figures: [
      {
        key: 'decide.pathPerSec',
        label: 'Per-capture pure path (siteForUrl + decide + limiter + senderOf), Node',
        value: raw.pathPerSec,
        unit: '/s',
        budget: { op: '>=', limit: 200_000 },
        note:
          'NOT yet the budget scenario (500 clients × 5 identities: no client matching exists yet); ' +
          `decide() alone ${k(raw.decideOnlyPerSec)}`,
      },
      {
        key: 'decide.withZodPerSec',
        label: '  same, with the router’s JSON size check + zod ContentMsg parse',
        value: raw.withZodPerSec,
        unit: '/s',
      },
    ],
    raw,
  }
}
