/**
 * The review page's first paint with 1,000 and 10,000 held items (budget: under 150 ms with
 * 1,000; 10,000 reported), how long the End key takes to show the last row, and, as a baseline,
 * the same page with nothing held.
 *
 * Rules with three clients are saved through the background (ui/rules-save). Held captures are
 * then written straight into the extension's 'margen' IndexedDB from the service worker (raw
 * IndexedDB, CaptureRow's shape from src/store/db.ts), no session: about 60% from the three
 * clients (direct messages in bursts, and group conversations with several senders), the rest
 * from 300 unknown senders, over the last three days. Then chrome-extension://<id>/src/ui/
 * review/index.html is loaded in a fresh tab, several times, in a browser no test driver is
 * attached to (lib/bare.ts). An init script (installed before any of the page's own scripts)
 * watches the DOM for the review list (`ul.rq-list`, or the empty state) and reports, in ms
 * since navigation start (performance.timeOrigin):
 *   - first-contentful-paint (paint timing), which may be the "Loading…" state;
 *   - when the list is in the DOM (MutationObserver), and how many rows it rendered;
 *   - when the frame that shows it has been painted (requestAnimationFrame, then a message task
 *     queued from inside it, which runs after that frame's paint);
 *   - when the page had its first rows in hand (its own mark, src/ui/review/marks.ts), to tell
 *     the time it takes to render and paint them from the time to load and read.
 * With 1,000 held, each load alternates with one of the same page in a browser Playwright
 * launches and drives, as the browser tests do (reported, not budgeted: see lib/bare.ts).
 */
import { ROWS_MARK } from '../src/ui/review/marks'
import { REVIEW } from '../tests/harness/control'
import type { Margen } from '../tests/harness/launch'
import { type Bare, drivenFigure, drivenLoad, type Loader, VIEW, whenPainted } from './lib/bare'
import { bareCommand, type Rows, refill, req, uiCommand, withDb } from './lib/extension'
import type { Figure } from './lib/figure'
import { median, round, type Summary, summarize } from './lib/stats'

export interface ReviewOptions {
  sizes: number[]
  loads: number
}

export const REVIEW_DEFAULTS: ReviewOptions = { sizes: [1_000, 10_000], loads: 20 }

const LIST = 'ul.rq-list, .empty-large'
const SEED_REF = 'rq-bench-'

const OBSERVE = `(() => {
  const b = { listAt: 0, paintedAt: 0, rows: 0, setSize: 0, headline: '' }
  window.__reviewBench = b
  const seen = () => {
    const list = document.querySelector(${JSON.stringify(LIST)})
    if (!list) return false
    b.listAt = performance.now()
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => {
        b.paintedAt = performance.now()
        const first = list.querySelector('li')
        b.rows = list.tagName === 'UL' ? list.children.length : 0
        b.setSize = Number(first ? first.getAttribute('aria-setsize') : 0)
        b.headline = document.querySelector('.review-bar .state')?.textContent ?? ''
      }
      ch.port2.postMessage(0)
    })
    return true
  }
  const mo = new MutationObserver(() => { if (seen()) mo.disconnect() })
  mo.observe(document, { childList: true, subtree: true })
})()`

/** In-page: presses End and resolves with the ms until the last row is painted. */
const END = `new Promise((resolve) => {
  const t0 = performance.now()
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }))
  const check = () => {
    const li = document.activeElement
    if (li && li.tagName === 'LI' && li.getAttribute('aria-posinset') === li.getAttribute('aria-setsize')) {
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => resolve(performance.now() - t0)
        ch.port2.postMessage(0)
      })
    } else requestAnimationFrame(check)
  }
  check()
})`

const READ = `(() => ({
  ...window.__reviewBench,
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
  rowsAt: performance.getEntriesByName(${JSON.stringify(ROWS_MARK)})[0]?.startTime ?? -1,
  view: innerWidth + 'x' + innerHeight,
}))()`

/** In-page: null until the list is painted; then the load's figures (and the End key's). */
const readOnce = (withEnd: boolean) =>
  whenPainted(
    'window.__reviewBench?.paintedAt',
    `(${withEnd ? END : 'Promise.resolve(NaN)'}).then((endMs) => ({ ...${READ}, endMs }))`,
  )

interface Load {
  fcp: number
  /** When the page had its first rows (its own mark), ms since navigation start. */
  rowsAt: number
  listAt: number
  paintedAt: number
  rows: number
  setSize: number
  headline: string
  /** The page's size, "<width>x<height>": both browsers must show as many rows. */
  view: string
  endMs: number
}

const name = (value: string) => ({ kind: 'name', value, site: '' })
const client = (id: string, label: string, colour: string, hours: number, who: string[]) => ({
  id,
  name: label,
  colour,
  identities: who.map(name),
  tier: 'standard',
  responseHours: hours,
  note: '',
  keywords: true,
  repeat: null,
  channel: true,
  quota: 2,
})

const RULES = {
  clients: [
    client('rqa', 'Estudio Álvarez', '#c2410c', 4, ['Lucía Álvarez', 'Tomás Álvarez']),
    client('rqb', 'Ferretería Núñez', '#15803d', 24, ['Carmen Núñez']),
    client('rqc', 'Clínica Sol', '#7c3aed', 48, ['Dra. Paula Sol', 'Recepción Sol']),
  ],
  emergency: [],
  keywords: ['urgente'],
  emergencyChannel: '',
}

/** In-worker code: adds `items` held captures, no session, ending `now` (exported for profiling). */
export const seedReview = (items: number, now: number) =>
  withDb(`(() => {
  const tx = db.transaction('captures', 'readwrite')
  const store = tx.objectStore('captures')
  const sites = [['gmail', 'https://mail.google.com'], ['whatsapp', 'https://web.whatsapp.com'],
    ['slack', 'https://app.slack.com'], ['teams', 'https://teams.microsoft.com']]
  const clients = [['rqa', ['Lucía Álvarez', 'Tomás Álvarez'], 'Reforma cocina'],
    ['rqb', ['Carmen Núñez', 'Pedro Núñez'], 'Pedidos'], ['rqc', ['Dra. Paula Sol', 'Recepción Sol'], 'Agenda']]
  const span = 3 * 24 * 3600 * 1000
  for (let i = 0; i < ${items}; i++) {
    const at = ${now} - span + Math.floor((i * span) / ${items})
    const k = i % 10
    let sender, clientId = '', conversation = '', s = i % 4
    if (k < 6) {
      const c = clients[k % 3]
      clientId = c[0]
      // Runs of three from one sender a minute apart make bursts; every other run is in a group.
      sender = c[1][Math.floor(i / 30) % 2]
      if (Math.floor(i / 30) % 3 === 0) { conversation = c[2]; s = 1 }
    } else sender = 'Remitente ' + (i % 300)
    const [site, origin] = sites[s]
    store.add({
      at, sessionId: '', site, origin, pageUrl: origin + '/', tabId: 1, frameId: 0,
      ref: ${JSON.stringify(SEED_REF)} + i, api: 'ctor', title: conversation || sender,
      body: 'Hola, ¿puedes revisar el presupuesto ' + i + ' antes de las cinco?', tag: 't' + i,
      icon: '', data: '', sender, senderKey: site + ':' + sender.toLowerCase(),
      verdict: 'hold', reason: 'block', status: 'held', clientId, idKind: 'name',
      idValue: sender, conversation, why: { rule: 'no-breakthrough' }, keyword: '', urgent: 0,
      notUrgent: 0,
    })
  }
  return new Promise((ok, ko) => { tx.oncomplete = () => ok(${items}); tx.onerror = () => ko(tx.error) })
})()`)

/** In-worker code: deletes every held capture (the bench runs in a browser of its own). */
const clearHeld = withDb(`(() => {
  const tx = db.transaction('captures', 'readwrite')
  const index = tx.objectStore('captures').index('[status+at]')
  const cursor = index.openCursor(IDBKeyRange.bound(['held', -Infinity], ['held', Infinity]))
  cursor.onsuccess = () => { const c = cursor.result; if (c) { c.delete(); c.continue() } }
  return new Promise((ok, ko) => { tx.oncomplete = () => ok(true); tx.onerror = () => ko(tx.error) })
})()`)

const countHeld = withDb(
  `${req(`db.transaction('captures').objectStore('captures').index('[status+at]').count(IDBKeyRange.bound(['held', -Infinity], ['held', Infinity]))`)}`,
)

const PAGE = REVIEW

/** One load of the page, through `load` (lib/bare.ts's, or `drivenLoad` in Playwright's). */
async function loadReview(load: Loader, withEnd: boolean): Promise<Load> {
  const l = await load<Load>(PAGE, { init: OBSERVE, read: readOnce(withEnd), timeoutMs: 60_000 })
  // NaN comes back as null from the protocol.
  return { ...l, endMs: l.endMs ?? Number.NaN }
}

interface Size {
  items: number
  loads: Load[]
  fcp: Summary
  listAt: Summary
  paintedAt: Summary
  endMs: Summary
  /** The same page's loads in the browser Playwright drives (1,000 held only). */
  driven: Load[]
}

/** Every held capture (the bench runs in browsers of its own). */
const HELD: Rows = {
  clear: clearHeld,
  add: (n) => seedReview(n, Date.now()),
  count: countHeld,
}

function check(l: Load, items: number) {
  if (l.view !== `${VIEW.width}x${VIEW.height}`) throw new Error(`the review page was ${l.view}`)
  if (items === 0) {
    if (l.rows !== 0) throw new Error(`the review page listed ${l.rows} rows with nothing held`)
    return
  }
  if (l.rowsAt < 0) throw new Error(`the review page left no ${ROWS_MARK} mark`)
  if (l.headline.replace(/\D/g, '') !== String(items))
    throw new Error(`the review page said "${l.headline}", not ${items} waiting`)
  if (l.rows === 0 || l.rows > 200 || l.setSize <= items / 10)
    throw new Error(`the review list rendered ${l.rows} of ${l.setSize} rows`)
}

async function size(b: Bare, m: Margen, items: number, loads: number): Promise<Size> {
  const compare = items > 0 && items <= 1_000
  await refill(b.inWorker, HELD, items)
  const sw = await m.worker()
  if (compare) await refill((code) => sw.evaluate(code), HELD, items)
  // The first load also pays for compiling the page's modules; it is kept, not dropped.
  const list: Load[] = []
  const driven: Load[] = []
  for (let i = 0; i < loads; i++) {
    list.push(await loadReview(b.load, items > 0 && i === loads - 1))
    if (compare) driven.push(await loadReview((path, o) => drivenLoad(m, path, o), false))
  }
  for (const l of [...list, ...driven]) check(l, items)
  const ends = list.map((l) => l.endMs).filter((x) => !Number.isNaN(x))
  return {
    items,
    loads: list,
    fcp: summarize(list.map((l) => l.fcp)),
    listAt: summarize(list.map((l) => l.listAt)),
    paintedAt: summarize(list.map((l) => l.paintedAt)),
    endMs: summarize(ends),
    driven,
  }
}

export interface ReviewResult {
  figures: Figure[]
  raw: { options: ReviewOptions; sizes: Size[] }
}

/**
 * `b`: the browser the figures are measured in; `m`: one Playwright drives, for the comparison.
 */
export async function reviewBench(
  b: Bare,
  m: Margen,
  o: ReviewOptions = REVIEW_DEFAULTS,
): Promise<ReviewResult> {
  const rules = { type: 'ui/rules-save', rules: RULES }
  await bareCommand(b, rules)
  await uiCommand(m, rules)
  const sizes: Size[] = []
  for (const items of o.sizes) sizes.push(await size(b, m, items, o.loads))
  // Baseline: the same page with nothing held, to tell the page's fixed cost from the list's.
  sizes.push(await size(b, m, 0, o.loads))

  const ms = (x: number) => `${round(x)} ms`
  const figures: Figure[] = sizes.flatMap((s): Figure[] => {
    const key = `review.${s.items}`
    const l0 = s.loads[0]
    if (s.items === 0)
      return [
        {
          key: `${key}.emptyPaintedMs`,
          label: 'Review page, nothing held (baseline): "all caught up" painted, median',
          value: s.paintedAt.p50,
          unit: 'ms',
          note: `${o.loads} loads; max ${ms(s.paintedAt.max)}; first-contentful-paint median ${ms(s.fcp.p50)}`,
        },
      ]
    return [
      {
        key: `${key}.listPaintedMs`,
        label: `Review page, ${s.items.toLocaleString('en-US')} held: list painted, median`,
        value: s.paintedAt.p50,
        unit: 'ms',
        ...(s.items <= 1_000 ? { budget: { op: '<' as const, limit: 150 } } : {}),
        note:
          `${o.loads} loads, ms since navigation start; max ${ms(s.paintedAt.max)}, first load ` +
          `${ms(l0?.paintedAt ?? Number.NaN)}; in the DOM: median ${ms(s.listAt.p50)}; ` +
          `${l0?.rows} of ${l0?.setSize} rows rendered`,
      },
      {
        key: `${key}.fcpMs`,
        label: '  first-contentful-paint, median',
        value: median(s.loads.map((x) => x.fcp)),
        unit: 'ms',
        note: `max ${ms(s.fcp.max)}; what it paints may be the loading state, not the list`,
      },
      {
        key: `${key}.renderMs`,
        label: '  from its rows in hand to the list painted, median',
        value: median(s.loads.map((x) => x.paintedAt - x.rowsAt)),
        unit: 'ms',
        note: `rows in hand at ${ms(median(s.loads.map((x) => x.rowsAt)))} (median): the page's modules loaded and the IndexedDB read done`,
      },
      {
        key: `${key}.endKeyMs`,
        label: '  End key: last row focused and painted',
        value: s.endMs.p50,
        unit: 'ms',
        note: `from the keydown, on the last load`,
      },
      ...drivenFigure(
        key,
        s.driven,
        `; rows in hand at ${ms(median(s.driven.map((x) => x.rowsAt)))}`,
      ),
    ]
  })
  return { figures, raw: { options: o, sizes } }
}
