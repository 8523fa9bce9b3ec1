/**
 * Figure 3: page to verdict, one notification at a time, in headless Chromium.
 *
 * The page cannot see the verdict, so Margen's ISOLATED world is instrumented over CDP (see
 * lib/isolated.ts; dist/ is untouched): `chrome.runtime.sendMessage` is wrapped so that the
 * bridge's capture message and the background's reply are timestamped with performance.now(),
 * and the isolated world's `EventTarget.prototype.dispatchEvent` is wrapped to timestamp the
 * moment the bridge hands the verdict down to the hook. Both worlds of a document share the same
 * performance.timeOrigin (checked). The page timestamps just before each `new Notification`.
 *
 * In Chromium ≥ 144 extension contexts have a native `browser` whose `runtime` is `chrome.runtime`,
 * so webextension-polyfill returns it as is and the bridge calls the very function wrapped here;
 * the wrapper counts its calls and the bench fails unless every capture went through it.
 *
 * Samples are paced (one every PACE_MS) and spread over fresh tabs with fewer captures each than
 * the per-tab rate limit (src/core/limits.ts), so that every capture takes the full path, stored;
 * afterwards every sample's capture must be in the store. The run starts once the background has
 * worked off any backlog (its counters stop changing).
 */
import type { Page } from 'playwright-core'
import { DEFAULT_RULES } from '../src/core/clients/schema'
import { LIMITS } from '../src/core/limits'
import type { Margen } from '../tests/harness/launch'
import { BENCH_RULES, waUserOf } from './decide'
import { INSTRUMENT, READ, type Records } from './lib/bridge-probe'
import {
  activeSession,
  counters,
  settleBackground,
  storedWithPrefix,
  uiCommand,
} from './lib/extension'
import type { Figure } from './lib/figure'
import { type IsolatedWorld, margenWorld } from './lib/isolated'
import { round, type Summary, summarize } from './lib/stats'

/**
 * The rules the hold figure is measured with: DESIGN.md's 500 clients × 5 identities (as in the
 * decide bench), without an emergency channel so that every sample is held. On WhatsApp the
 * samples come from a known standard client (by its chat id), so each decision also reads that
 * client's history from the store; elsewhere they are from unknown senders.
 */
const HOLD_RULES = { ...BENCH_RULES, emergencyChannel: '' }
const HELD_CLIENT = 9
const TAGS: Record<string, string> = { 'web.whatsapp.com': `${waUserOf(HELD_CLIENT)}@c.us` }

export interface HoldOptions {
  hosts: string[]
  perTab: number
  warmup: number
  paceMs: number
}

export const HOLD_DEFAULTS: HoldOptions = {
  hosts: ['mail.google.com', 'app.slack.com', 'web.whatsapp.com'],
  perTab: 80,
  warmup: 5,
  paceMs: 20,
}

/**
 * How the page's call is made. 'message': from a message task (MessageChannel), as a site does
 * from a WebSocket or fetch callback. 'timer': from a chain of timers, where the platform clamps
 * nested setTimeout(0) (the hook's report batch) to 4 ms after five levels.
 */
export type Trigger = 'message' | 'timer'

/** In-page loop: one notification per pace, each timestamped just before the call. */
const pageLoop = (
  prefix: string,
  n: number,
  paceMs: number,
  trigger: Trigger,
  tag: string,
) => `(async () => {
  const calls = {}
  const ch = new MessageChannel()
  ch.port1.onmessage = (e) => {
    calls[e.data] = performance.now()
    new Notification(e.data, { tag: ${JSON.stringify(tag)} })
  }
  for (let i = 0; i < ${n}; i++) {
    const title = '${prefix}' + i
    if (${JSON.stringify(trigger)} === 'message') ch.port2.postMessage(title)
    else {
      calls[title] = performance.now()
      new Notification(title, { tag: ${JSON.stringify(tag)} })
    }
    await new Promise((r) => setTimeout(r, ${paceMs}))
  }
  ch.port1.close()
  return { calls, timeOrigin: performance.timeOrigin }
})()`

interface Sample {
  /** Page call → reply in the isolated world (the verdict reached the content script). */
  reply: number
  /** Page call → the bridge's sendMessage (hook deferral, private channel, zod). */
  toBridge: number
  /** Page call → verdict dispatched down to the hook (pending captures only). */
  down?: number
}

async function waitFor(world: IsolatedWorld, titles: string[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const rec = await world.evaluate<Records>(READ)
    if (titles.every((t) => rec.replied[t] !== undefined)) return rec
    if (Date.now() > deadline) {
      const missing = titles.filter((t) => rec.replied[t] === undefined).length
      throw new Error(`${missing} of ${titles.length} captures got no reply in ${timeoutMs} ms`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function tabSamples(
  m: Margen,
  host: string,
  tag: string,
  o: HoldOptions,
  expect: { mode: string; verdict: string },
  trigger: Trigger,
): Promise<Sample[]> {
  const page: Page = await m.page(host, '/fixture.html')
  const world = await margenWorld(page, m.extensionId)
  try {
    await world.evaluate(INSTRUMENT)
    const n = o.warmup + o.perTab
    const prefix = `bench-${tag}-`
    const run = await page.evaluate<{ calls: Record<string, number>; timeOrigin: number }>(
      pageLoop(prefix, n, o.paceMs, trigger, TAGS[host] ?? 'margen-bench-hold'),
    )
    const titles = Object.keys(run.calls)
    const rec = await waitFor(world, titles)
    if (rec.timeOrigin !== run.timeOrigin)
      throw new Error(`time origins differ: ${rec.timeOrigin} vs ${run.timeOrigin}`)
    if (!rec.sameFunction)
      throw new Error('the polyfill does not hand out chrome.runtime.sendMessage: instrument anew')
    if (rec.calls !== n) throw new Error(`the bridge sent ${rec.calls} captures, expected ${n}`)
    const downAt: Record<string, number> = {}
    for (const [t, detail] of rec.down) {
      const msg = JSON.parse(detail) as { k: string; ref?: string }
      const title = msg.k === 'verdict' && msg.ref ? rec.refTitle[msg.ref] : undefined
      if (title) downAt[title] = t
    }
    return titles.slice(o.warmup).map((title) => {
      if (rec.mode[title] !== expect.mode || rec.verdict[title] !== expect.verdict)
        throw new Error(
          `${title}: mode ${rec.mode[title]}, verdict ${rec.verdict[title]}; expected ${expect.mode}/${expect.verdict}`,
        )
      const call = run.calls[title] as number
      const down = downAt[title]
      return {
        reply: (rec.replied[title] as number) - call,
        toBridge: (rec.sent[title] as number) - call,
        ...(down === undefined ? {} : { down: down - call }),
      }
    })
  } finally {
    await world.detach()
    await page.close()
  }
}

async function phase(
  m: Margen,
  name: string,
  o: HoldOptions,
  expect: { mode: string; verdict: string },
  trigger: Trigger = 'message',
) {
  const samples: Sample[] = []
  for (const [i, host] of o.hosts.entries())
    samples.push(...(await tabSamples(m, host, `${name}${i}`, o, expect, trigger)))
  return samples
}

export interface HoldResult {
  figures: Figure[]
  raw: {
    options: HoldOptions
    hold: { reply: Summary; toBridge: Summary; down: Summary }
    delivered: { reply: Summary; toBridge: Summary }
    timer: { reply: Summary; toBridge: Summary }
    samples: { hold: Sample[]; delivered: Sample[]; timer: Sample[] }
  }
}

export async function holdBench(m: Margen, o: HoldOptions = HOLD_DEFAULTS): Promise<HoldResult> {
  if (o.warmup + o.perTab >= LIMITS.capturesPerTabPerMinute)
    throw new Error('more captures per tab than the rate limit lets through')
  if (await activeSession(m)) throw new Error('a session is already running')
  await uiCommand(m, { type: 'ui/rules-save', rules: HOLD_RULES })
  await settleBackground(m)

  // Outside a session: the delivered path's capture logging (the page already has its notification).
  const delivered = await phase(m, 'open', o, { mode: 'delivered', verdict: 'deliver' })

  await uiCommand(m, { type: 'ui/focus-start', minutes: 25 })
  const session = await activeSession(m)
  if (!session) throw new Error('ui/focus-start left no active session')
  const hold = await phase(m, 'hold', o, { mode: 'pending', verdict: 'hold' })
  const timer = await phase(m, 'timer', o, { mode: 'pending', verdict: 'hold' }, 'timer')
  await uiCommand(m, { type: 'ui/focus-end' })

  const expected = 3 * o.hosts.length * (o.warmup + o.perTab)
  const stored = await storedWithPrefix(m, 'bench-')
  if (stored !== expected) {
    const why = Object.entries(await counters(m)).filter(([k]) => !k.startsWith('parser:'))
    throw new Error(
      `${stored} of ${expected} captures were stored (rate-limited?): figures are off; ` +
        `counters: ${JSON.stringify(Object.fromEntries(why))}`,
    )
  }
  const fromClient = await storedWithPrefix(m, 'bench-hold', `c${HELD_CLIENT}`)
  if (o.hosts.includes('web.whatsapp.com') && fromClient !== o.warmup + o.perTab)
    throw new Error(`${fromClient} held WhatsApp samples were matched to the client: rules off?`)
  await uiCommand(m, { type: 'ui/rules-save', rules: DEFAULT_RULES })

  const h = {
    reply: summarize(hold.map((s) => s.reply)),
    toBridge: summarize(hold.map((s) => s.toBridge)),
    down: summarize(hold.flatMap((s) => (s.down === undefined ? [] : [s.down]))),
  }
  if (h.down.n !== hold.length)
    throw new Error(`${hold.length - h.down.n} verdicts never went down`)
  const d = {
    reply: summarize(delivered.map((s) => s.reply)),
    toBridge: summarize(delivered.map((s) => s.toBridge)),
  }
  const t = {
    reply: summarize(timer.map((s) => s.reply)),
    toBridge: summarize(timer.map((s) => s.toBridge)),
  }
  const ms = (x: number) => `${round(x, 2)}`
  const how = `${hold.length} samples, ${o.hosts.length} tabs, one every ${o.paceMs} ms from a message task`
  return {
    figures: [
      {
        key: 'hold.p95Ms',
        label: 'Hold decision during a block (500 clients × 5 identities), page → verdict, p95',
        value: h.reply.p95,
        unit: 'ms',
        budget: { op: '<', limit: 10 },
        note:
          `p50 ${ms(h.reply.p50)} / p95 ${ms(h.reply.p95)} / max ${ms(h.reply.max)} ms; ${how}; ` +
          `of which page → bridge sendMessage p50 ${ms(h.toBridge.p50)} ms (hook's setTimeout batch)`,
      },
      {
        key: 'hold.p50Ms',
        label: '  p50',
        value: h.reply.p50,
        unit: 'ms',
      },
      {
        key: 'hold.downP95Ms',
        label: '  page → verdict handed down to the hook, p95',
        value: h.down.p95,
        unit: 'ms',
        note: `p50 ${ms(h.down.p50)} / max ${ms(h.down.max)} ms (after the bridge's zod parse of the reply)`,
      },
      {
        key: 'hold.timerP95Ms',
        label: '  same, called from a timer chain (nested-timer 4 ms clamp), p95',
        value: t.reply.p95,
        unit: 'ms',
        note: `p50 ${ms(t.reply.p50)} / max ${ms(t.reply.max)} ms; page → bridge p50 ${ms(t.toBridge.p50)} ms`,
      },
      {
        key: 'delivered.logP95Ms',
        label: 'Delivered (open) capture logging, page → background reply, p95',
        value: d.reply.p95,
        unit: 'ms',
        note: `p50 ${ms(d.reply.p50)} / max ${ms(d.reply.max)} ms; ${delivered.length} samples; off the page's critical path`,
      },
    ],
    raw: { options: o, hold: h, delivered: d, timer: t, samples: { hold, delivered, timer } },
  }
}
