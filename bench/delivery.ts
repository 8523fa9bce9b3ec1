/**
 * Figure 2: delivery outside a quiet period, hooked vs native, in one browser.
 *
 * Two tabs: a watched fixture (https://mail.google.com/fixture.html, Margen's hook in place) and
 * the control host (https://unwatched.margen.test/fixture.html, the platform's own constructor).
 * Both have notifications granted. Each round times N synchronous `new Notification(title, {tag})`
 * calls, then `await setTimeout(0)`, so the hook's deferred report (its setTimeout batch, the
 * bridge's zod parse and `runtime.sendMessage`) runs inside the window, as the platform's own
 * deferred work does for the native call. Rounds alternate A-B-B-A between the tabs, the tab under
 * test is brought to front, and a settle pause follows each round. The main-thread task time of
 * the renderer over the round plus its settle pause (CDP Performance.getMetrics TaskDuration) is
 * reported as well: it also counts the work that lands after the window (the bridge's handling
 * of the background's replies).
 */
import type { CDPSession, Page } from 'playwright-core'
import type { Margen } from '../tests/harness/launch'
import { UNWATCHED_HOST } from '../tests/harness/server'
import type { Figure } from './lib/figure'
import { hasMargenWorld } from './lib/isolated'
import { median, round, spreadPct } from './lib/stats'

export const WATCHED_HOST = 'mail.google.com'

export interface DeliveryOptions {
  calls: number
  rounds: number
  warmup: number
  settleMs: number
}

export const DELIVERY_DEFAULTS: DeliveryOptions = {
  calls: 100,
  rounds: 20,
  warmup: 2,
  settleMs: 400,
}

interface Round {
  /** µs per call: the synchronous loop alone. */
  sync: number
  /** µs per call: the loop plus `await setTimeout(0)` (the budget's measure). */
  window: number
  /** µs per call: renderer main-thread task time over the round and its settle pause. */
  task: number
}

interface Side {
  page: Page
  cdp: CDPSession
  rounds: Round[]
}

/** In-page code for one round; a string, so that no bundler helper leaks into the page. */
const roundCode = (calls: number, settleMs: number) => `(async () => {
  const t0 = performance.now()
  for (let i = 0; i < ${calls}; i++) new Notification('Ana Ruiz', { tag: 'margen-bench' })
  const t1 = performance.now()
  await new Promise((r) => setTimeout(r))
  const t2 = performance.now()
  await new Promise((r) => setTimeout(r, ${settleMs}))
  return { sync: t1 - t0, window: t2 - t0 }
})()`

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN
}

async function runRound(side: Side, o: DeliveryOptions): Promise<Round> {
  await side.page.bringToFront()
  const before = await taskSeconds(side.cdp)
  const r = await side.page.evaluate<{ sync: number; window: number }>(
    roundCode(o.calls, o.settleMs),
  )
  const after = await taskSeconds(side.cdp)
  const perCall = (ms: number) => (ms * 1000) / o.calls
  return {
    sync: perCall(r.sync),
    window: perCall(r.window),
    task: ((after - before) * 1e6) / o.calls,
  }
}

async function openSide(m: Margen, host: string): Promise<Side> {
  const page = await m.page(host, '/fixture.html')
  const permission = await page.evaluate(() => Notification.permission)
  if (permission !== 'granted') throw new Error(`notifications not granted on ${host}`)
  const cdp = await m.context.newCDPSession(page)
  await cdp.send('Performance.enable')
  return { page, cdp, rounds: [] }
}

export interface DeliveryResult {
  figures: Figure[]
  raw: { options: DeliveryOptions; watched: Round[]; native: Round[] }
}

export async function deliveryBench(
  m: Margen,
  o: DeliveryOptions = DELIVERY_DEFAULTS,
): Promise<DeliveryResult> {
  const watched = await openSide(m, WATCHED_HOST)
  const native = await openSide(m, UNWATCHED_HOST)
  try {
    // The comparison means something only if the hook is in one tab and not in the other.
    if (!(await hasMargenWorld(watched.page, m.extensionId)))
      throw new Error(`Margen is not injected in https://${WATCHED_HOST}/fixture.html`)
    if (await hasMargenWorld(native.page, m.extensionId))
      throw new Error(`Margen is injected in the control host ${UNWATCHED_HOST}`)

    for (let r = 0; r < o.warmup + o.rounds; r++) {
      const order = r % 2 === 0 ? [watched, native] : [native, watched]
      for (const side of order) {
        const result = await runRound(side, o)
        if (r >= o.warmup) side.rounds.push(result)
      }
    }
  } finally {
    await watched.page.close()
    await native.page.close()
  }

  const med = (side: Side, k: keyof Round) => median(side.rounds.map((x) => x[k]))
  const overhead = (k: keyof Round) => (med(watched, k) / med(native, k) - 1) * 100
  const nativeSpread = (k: keyof Round) => round(spreadPct(native.rounds.map((x) => x[k])))
  const watchedSpread = (k: keyof Round) => round(spreadPct(watched.rounds.map((x) => x[k])))
  const us = (x: number) => `${round(x)} µs`
  const what = `${o.rounds} rounds × ${o.calls} calls per tab, alternating`
  return {
    figures: [
      {
        key: 'delivery.overheadPct',
        label: 'Delivery outside a session: overhead vs native (call + deferred report)',
        value: overhead('window'),
        unit: '%',
        budget: { op: '<=', limit: 5 },
        note:
          `median per call ${us(med(watched, 'window'))} hooked vs ${us(med(native, 'window'))} ` +
          `native (± ${watchedSpread('window')}% / ± ${nativeSpread('window')}% half-IQR across rounds); ${what}`,
      },
      {
        key: 'delivery.syncOverheadPct',
        label: '  synchronous constructor only: overhead vs native',
        value: overhead('sync'),
        unit: '%',
        note:
          `median per call ${us(med(watched, 'sync'))} hooked vs ${us(med(native, 'sync'))} ` +
          `native (± ${watchedSpread('sync')}% / ± ${nativeSpread('sync')}%)`,
      },
      {
        key: 'delivery.taskOverheadPct',
        label: '  renderer main-thread task time incl. reply handling: overhead',
        value: overhead('task'),
        unit: '%',
        note:
          `median per call ${us(med(watched, 'task'))} hooked vs ${us(med(native, 'task'))} ` +
          `native (± ${watchedSpread('task')}% / ± ${nativeSpread('task')}%), CDP TaskDuration over round + ${o.settleMs} ms settle`,
      },
    ],
    raw: { options: o, watched: watched.rounds, native: native.rounds },
  }
}
