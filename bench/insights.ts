/**
 * Figure 7: the insights page's 30-day view over a realistic history, under 300 ms.
 *
 * 100,000 captures spread over the last 100 days are written straight into the extension's
 * 'margen' IndexedDB from the service worker (raw IndexedDB, CaptureRow's shape from
 * src/store/db.ts): 12 clients of unequal weight plus unknown senders, five sites, chats with
 * conversations, more traffic in working hours and on weekdays, blocks in the morning and the
 * afternoon that hold most of what comes in, some breakthroughs and urgent keywords, a third of
 * the claimed urgencies marked "not urgent"; almost half the messages come in bursts from the
 * same person or chat. About 30,000 fall in the 30-day view. The clients
 * are saved through the background (ui/rules-save), so the page shows their names, and the
 * retention is set to 10 years (ui/history-save) so that the daily alarm keeps all of it.
 *
 * Then chrome-extension://<id>/src/ui/insights/index.html?days=30 is loaded in a fresh tab: once
 * without day summaries (the page counts the past days raw and asks the background to summarise
 * them), then, once the summaries are stored, several times: the steady state. An init script watches for the summary numbers (`.in-stats`) and reports, in
 * ms since navigation start: when they are in the DOM, when the frame showing them has been
 * painted (requestAnimationFrame, then a message task queued from inside it), and when every
 * chart canvas says it is drawn. The page's own performance measures split the numbers' time
 * into the Dexie read (`margen:insights-read`) and the statistics (`margen:insights-compute`).
 */
import type { Page } from 'playwright-core'
import { type Client, DEFAULT_RULES } from '../src/core/clients/schema'
import { notify, openFixture } from '../tests/harness/fixture'
import type { Margen } from '../tests/harness/launch'
import { uiCommand, withDb } from './lib/extension'
import type { Figure } from './lib/figure'
import { round, type Summary, summarize } from './lib/stats'

export interface InsightsOptions {
  captures: number
  days: number
  loads: number
  /** New captures written one at a time while the page is open. */
  liveUpdates: number
  /** A pause after seeding: writing 100,000 rows leaves IndexedDB compacting for a while, which
   * a user's long-lived database is not. */
  settleMs: number
}

export const INSIGHTS_DEFAULTS: InsightsOptions = {
  captures: 100_000,
  days: 100,
  loads: 12,
  liveUpdates: 8,
  settleMs: 20_000,
}

const CLIENTS = [
  'Acme',
  'Beta Studio',
  'Cobalto',
  'Delta Legal',
  'Estudio Faro',
  'Gamma Foods',
  'Hotel Ibiza',
  'Jardín Kids',
  'Lumen',
  'Mar Azul',
  'Nórdica',
  'Óptica Paz',
]

function client(i: number, name: string): Client {
  return {
    id: `c${i}`,
    name,
    colour: '#2563eb',
    identities: [{ kind: 'name', value: `${name} contact`, site: '' }],
    tier: 'standard',
    responseHours: 24,
    note: '',
    keywords: true,
    repeat: null,
    channel: false,
    quota: 5,
  }
}

/** In-worker code: empties `captures`, then writes the synthetic history in chunks. */
export const seed = (o: InsightsOptions, now: number) =>
  withDb(`(async () => {
  const N = ${o.captures}, DAYS = ${o.days}, NOW = ${now}, CLIENTS = ${CLIENTS.length}
  const H = 3600000, D = 24 * H
  let s = 0x9e3779b9
  const rnd = () => { s |= 0; s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296 }
  const pick = (a) => a[Math.floor(rnd() * a.length)]
  const SITES = [['gmail', 'https://mail.google.com'], ['slack', 'https://app.slack.com'],
    ['whatsapp', 'https://web.whatsapp.com'], ['teams', 'https://teams.microsoft.com'],
    ['outlook', 'https://outlook.office.com']]
  const GROUPS = ['Equipo web', 'Lanzamiento', 'Facturas', 'general', 'diseño']
  const REASONS = ['emergency-sender', 'emergency-channel', 'urgent-keyword', 'repeat']
  const today = new Date(NOW); today.setHours(0, 0, 0, 0)
  const put = (store, rows) => rows.forEach((r) => store.add(r))
  await new Promise((ok, ko) => { const tx = db.transaction('captures', 'readwrite');
    tx.objectStore('captures').clear(); tx.oncomplete = ok; tx.onerror = () => ko(tx.error) })
  let written = 0, prev = null
  while (written < N) {
    const rows = []
    for (let k = 0; k < 10000 && written + rows.length < N; k++) {
      const i = written + rows.length
      // A burst: almost half the messages follow the one before from the same person or chat,
      // seconds to minutes later, as chats do.
      let at, c, known, site, origin, sender, conversation
      if (prev && rnd() < 0.45 && prev.at + 4 * 60000 <= NOW) {
        ;({ c, known, site, origin, sender, conversation } = prev)
        at = prev.at + 20000 + Math.floor(rnd() * 220000)
      } else {
        // When: weekdays and working hours weigh more.
        for (;;) {
          const day = new Date(today.getTime() - Math.floor(rnd() * DAYS) * D + 12 * H)
          const weekend = day.getDay() === 0 || day.getDay() === 6
          const hour = rnd() < 0.85 ? 8 + Math.floor(rnd() * 11) : Math.floor(rnd() * 24)
          if (weekend && rnd() < 0.7) continue
          day.setHours(hour, Math.floor(rnd() * 60), Math.floor(rnd() * 60), 0)
          at = day.getTime()
          if (at <= NOW) break
        }
        // Who: clients by a Zipf-like weight, a third unknown.
        known = rnd() < 0.68
        c = known ? Math.min(CLIENTS - 1, Math.floor(CLIENTS * rnd() * rnd())) : -1
        ;[site, origin] = known ? SITES[(c + (rnd() < 0.7 ? 0 : 1 + Math.floor(rnd() * 4))) % 5] : pick(SITES)
        sender = known ? 'Contacto ' + c + '-' + Math.floor(rnd() * 3) : 'Desconocido ' + Math.floor(rnd() * 300)
        const chat = site === 'slack' || site === 'teams' || site === 'whatsapp'
        conversation = chat && rnd() < 0.35 ? pick(GROUPS) : ''
      }
      prev = { at, c, known, site, origin, sender, conversation }
      // What: blocks 9–12 and 15–17 on weekdays hold; some get through.
      const h = new Date(at).getHours(), wd = new Date(at).getDay()
      const quiet = wd >= 1 && wd <= 5 && ((h >= 9 && h < 12) || (h >= 15 && h < 17))
      const through = quiet && known && rnd() < 0.07
      const keyword = rnd() < 0.04 ? 'urgente' : ''
      const verdict = quiet && !through ? 'hold' : 'deliver'
      const reason = !quiet ? 'open' : through ? pick(REASONS) : 'block'
      const urgent = through || keyword ? 1 : 0
      rows.push({
        at, sessionId: quiet ? 'block@' + new Date(at).toDateString() : '', site, origin,
        pageUrl: origin + '/', tabId: 1, frameId: 0, ref: 'ib-' + i, api: 'ctor',
        title: conversation || sender, body: 'Hola, ¿puedes revisar la propuesta ' + i + ' antes del viernes? ' + keyword,
        tag: 't' + i, icon: '', data: '', sender, senderKey: site + ':' + sender.toLowerCase(),
        verdict, reason, status: verdict === 'hold' ? (rnd() < 0.8 ? 'done' : 'held') : 'delivered',
        clientId: known ? 'c' + c : '', idKind: 'name', idValue: sender, conversation,
        why: { rule: reason === 'open' ? 'open' : through ? reason : known ? 'no-breakthrough' : 'unknown-sender' },
        keyword, urgent, notUrgent: urgent && rnd() < 0.33 ? 1 : 0, snoozeUntil: 0,
      })
    }
    await new Promise((ok, ko) => { const tx = db.transaction('captures', 'readwrite');
      put(tx.objectStore('captures'), rows); tx.oncomplete = ok; tx.onerror = () => ko(tx.error) })
    written += rows.length
  }
  return await new Promise((ok, ko) => { const r = db.transaction('captures').objectStore('captures').count();
    r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error) })
})()`)

/** Waits until `n` day summaries are stored; resolves with the ms it took. */
async function waitForSummaries(m: Margen, n: number): Promise<number> {
  const sw = await m.worker()
  const t0 = Date.now()
  const stored = withDb(`new Promise((ok, ko) => {
  const r = db.transaction('insightDays').objectStore('insightDays').count()
  r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error)
})`)
  while ((await sw.evaluate<number>(stored)) < n) {
    if (Date.now() - t0 > 120_000) throw new Error(`fewer than ${n} day summaries after 2 min`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return Date.now() - t0
}

/** In-worker code: how many captures fall in [from, ∞). */
const countSince = (from: number) =>
  withDb(`new Promise((ok, ko) => {
  const r = db.transaction('captures').objectStore('captures').index('at').count(IDBKeyRange.lowerBound(${from}))
  r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error)
})`)

const clear = withDb(`new Promise((ok, ko) => { const tx = db.transaction('captures', 'readwrite');
  tx.objectStore('captures').clear(); tx.oncomplete = () => ok(true); tx.onerror = () => ko(tx.error) })`)

const OBSERVE = `(() => {
  const b = { numbersAt: 0, paintedAt: 0, chartsAt: 0, captures: '' }
  window.__insightsBench = b
  const painted = (key) => requestAnimationFrame(() => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => { b[key] = performance.now() }
    ch.port2.postMessage(0)
  })
  b.changes = []
  const mo = new MutationObserver(() => {
    const shown = document.querySelector('[data-stat=captures] dd')?.textContent ?? ''
    if (b.numbersAt && shown !== b.captures && shown !== b.changes.at(-1)?.text)
      b.changes.push({ text: shown, at: Date.now() })
    if (!b.numbersAt && document.querySelector('.in-stats')) {
      b.numbersAt = performance.now()
      b.captures = document.querySelector('[data-stat=captures] dd')?.textContent ?? ''
      painted('paintedAt')
    }
    const canvases = [...document.querySelectorAll('canvas')]
    if (b.numbersAt && !b.chartsAt && canvases.length > 0 && canvases.every((c) => c.dataset.chart)) {
      b.chartsAt = -1
      painted('chartsAt')
    }
  })
  mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-chart'] })
})()`

interface BenchState {
  paintedAt: number
  chartsAt: number
  changes: { text: string; at: number }[]
}
/** Page-side predicates (functions, not strings: an extension page's CSP forbids eval). */
const ready = () => {
  const b = (window as unknown as { __insightsBench?: BenchState }).__insightsBench
  return !!b && b.paintedAt > 0 && b.chartsAt > 0
}

const READ = `(() => {
  const m = (name) => performance.getEntriesByName(name, 'measure')[0]?.duration ?? -1
  const readStartMs = performance.getEntriesByName('margen:insights-read', 'measure')[0]?.startTime ?? -1
  return { ...window.__insightsBench, readMs: m('margen:insights-read'), computeMs: m('margen:insights-compute'), readStartMs,
    drawn: [...document.querySelectorAll('canvas')].filter((c) => c.dataset.chart === 'drawn').length,
    canvases: document.querySelectorAll('canvas').length }
})()`

interface Load {
  /** When the page started reading (its scripts loaded, the database opening). */
  readStartMs: number
  numbersAt: number
  paintedAt: number
  chartsAt: number
  captures: string
  readMs: number
  computeMs: number
  drawn: number
  canvases: number
}

/** Loads the insights page for `days` in `page`, observed, and waits for its numbers. */
async function openInsights(page: Page, m: Margen, days: number): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.addInitScript(OBSERVE)
  await page.goto(`chrome-extension://${m.extensionId}/src/ui/insights/index.html?days=${days}`)
  await page.waitForFunction(ready, undefined, { timeout: 60_000, polling: 50 })
}

async function loadPage(m: Margen, days: number): Promise<Load> {
  const page = await m.context.newPage()
  try {
    await openInsights(page, m, days)
    return await page.evaluate<Load>(READ)
  } finally {
    await page.close()
  }
}

/**
 * With the page open, one real notification at a time on a Gmail fixture page (outside a block:
 * delivered, and logged by the background through Dexie, which tells the page): ms from the
 * page's `new Notification` to the insights page showing the new count. The live query reads
 * only today's rows again; the complete days are kept.
 */
async function liveUpdates(m: Margen, days: number, n: number): Promise<number[]> {
  const page = await m.context.newPage()
  try {
    await openInsights(page, m, days)
    const gmail = await openFixture(m, 'mail.google.com')
    const out: number[] = []
    for (let i = 0; i < n; i++) {
      const before = await page.evaluate(
        () =>
          (window as unknown as { __insightsBench?: BenchState }).__insightsBench?.changes.length ??
          0,
      )
      const at = Date.now()
      await notify(gmail, { title: `Live ${i}`, body: 'Nuevo mensaje', tag: `live-${at}` })
      await page.waitForFunction(
        (n) =>
          ((window as unknown as { __insightsBench?: BenchState }).__insightsBench?.changes
            .length ?? 0) > n,
        before,
        { timeout: 30_000, polling: 20 },
      )
      const shownAt = await page.evaluate(
        () =>
          (window as unknown as { __insightsBench?: BenchState }).__insightsBench?.changes.at(-1)
            ?.at ?? Number.NaN,
      )
      out.push(shownAt - at)
      await new Promise((r) => setTimeout(r, 300))
    }
    await gmail.close()
    return out
  } finally {
    await page.close()
  }
}

interface View {
  days: number
  rows: number
  /** The load that found no summaries. */
  first: Load
  /** ms from that load's end until the background had written them. */
  summaries: number
  /** Later loads, with the summaries stored. */
  loads: Load[]
  painted: Summary
  read: Summary
  compute: Summary
  readStart: Summary
  charts: Summary
  /** ms from a new capture's write to the page showing it. */
  live: number[]
}

export interface InsightsResult {
  figures: Figure[]
  raw: { options: InsightsOptions; stored: number; seedMs: number; views: View[] }
}

export async function insightsBench(
  m: Margen,
  o: InsightsOptions = INSIGHTS_DEFAULTS,
): Promise<InsightsResult> {
  await uiCommand(m, {
    type: 'ui/rules-save',
    rules: { ...DEFAULT_RULES, clients: CLIENTS.map((name, i) => client(i, name)) },
  })
  // Keep the whole seeded history: the daily retention alarm (30 days by default) would
  // otherwise delete most of it during the run.
  await uiCommand(m, { type: 'ui/history-save', retentionDays: 3650, interruptionMinutes: 23 })
  const now = Date.now()
  const sw = await m.worker()
  const t0 = Date.now()
  const stored = await sw.evaluate<number>(seed(o, now))
  const seedMs = Date.now() - t0
  if (stored !== o.captures) throw new Error(`seeded ${stored} captures, expected ${o.captures}`)
  await new Promise((r) => setTimeout(r, o.settleMs))

  const views: View[] = []
  for (const days of [30, 90]) {
    const from = new Date(now)
    from.setHours(0, 0, 0, 0)
    from.setDate(from.getDate() - days + 1)
    const rows = await sw.evaluate<number>(countSince(from.getTime()))
    // The first load finds the period's past days without summaries (the 90-day view: the 60
    // days the 30-day view did not cover), counts them raw and asks the background for them.
    const first = await loadPage(m, days)
    const summaries = await waitForSummaries(m, days - 1)
    const loads: Load[] = []
    for (let i = 0; i < o.loads; i++) loads.push(await loadPage(m, days))
    for (const l of [first, ...loads]) {
      if (Number(l.captures.replace(/\D/g, '')) !== rows)
        throw new Error(`the page counted ${l.captures} captures, the store has ${rows}`)
      if (l.drawn !== l.canvases) throw new Error(`${l.drawn} of ${l.canvases} charts drawn`)
    }
    views.push({
      days,
      rows,
      first,
      summaries,
      loads,
      painted: summarize(loads.map((l) => l.paintedAt)),
      read: summarize(loads.map((l) => l.readMs)),
      compute: summarize(loads.map((l) => l.computeMs)),
      readStart: summarize(loads.map((l) => l.readStartMs)),
      charts: summarize(loads.map((l) => l.chartsAt)),
      live: await liveUpdates(m, days, o.liveUpdates),
    })
  }
  await sw.evaluate(clear)

  const ms = (x: number) => `${round(x)} ms`
  const figures = views.flatMap((v): Figure[] => {
    const key = `insights.${v.days}d`
    return [
      {
        key: `${key}.numbersPaintedMs`,
        label: `Insights, ${v.days}-day view of ${o.captures.toLocaleString('en-US')} stored: numbers painted, median`,
        value: v.painted.p50,
        unit: 'ms',
        ...(v.days === 30 ? { budget: { op: '<' as const, limit: 300 } } : {}),
        note:
          `${v.rows.toLocaleString('en-US')} captures in the view; ${v.loads.length} loads with the ` +
          `past days' summaries stored, ms since navigation start: p95 ${ms(v.painted.p95)}`,
      },
      {
        key: `${key}.firstLoadPaintedMs`,
        label: '  first load, no summaries yet: numbers painted',
        value: v.first.paintedAt,
        unit: 'ms',
        note:
          `past days counted from their captures (read ${ms(v.first.readMs)}) and summarised by ` +
          `the background, all stored ${ms(v.summaries)} after that load`,
      },
      {
        key: `${key}.readMs`,
        label: "  read of the period (past days' summaries, today's captures), median",
        value: v.read.p50,
        unit: 'ms',
        note:
          `p95 ${ms(v.read.p95)}, starting at ${ms(v.readStart.p50)} (median; scripts loaded, ` +
          `database opening); statistics: median ${ms(v.compute.p50)}, p95 ${ms(v.compute.p95)}`,
      },
      {
        key: `${key}.liveUpdateMs`,
        label: '  a new capture shown on the open page, median',
        value: summarize(v.live).p50,
        unit: 'ms',
        note: `${v.live.length} notifications on a Gmail fixture page, one at a time, from the page's call; max ${ms(Math.max(...v.live))}`,
      },
      {
        key: `${key}.chartsDrawnMs`,
        label: '  all four charts drawn and painted, median',
        value: v.charts.p50,
        unit: 'ms',
        note: `p95 ${ms(v.charts.p95)}, since navigation start`,
      },
    ]
  })
  return { figures, raw: { options: o, stored, seedMs, views } }
}
