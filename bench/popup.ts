/**
 * Figure 6: the popup's first paint with 1,000 held items.
 *
 * A session is started through the background (ui/focus-start); 1,000 held captures of that
 * session are written straight into the extension's 'margen' IndexedDB from the service worker
 * (raw IndexedDB, CaptureRow's shape from src/store/db.ts). Then chrome-extension://<id>/src/ui/
 * popup/index.html is loaded in a fresh tab, several times, in a browser no test driver is
 * attached to (lib/bare.ts). An init script (installed before any of the page's own scripts)
 * watches the DOM for the held list (`ul.groups`) and reports, in ms since navigation start
 * (performance.timeOrigin):
 *   - first-contentful-paint (paint timing), which may be the "Loading…" state;
 *   - when the held list is in the DOM (MutationObserver);
 *   - when the frame that shows it has been painted (requestAnimationFrame, then a message task
 *     queued from inside it, which runs after that frame's paint).
 * Two layouts: 50 senders × 20 items (the groups the popup shows), and 1,000 distinct senders
 * (one group per item, the worst case for the list). With 50 senders, each load alternates with
 * one in a browser Playwright launches and drives, as the browser tests do (reported only).
 */
import { POPUP_GROUPS } from '../src/ui/popup/popup'
import { POPUP } from '../tests/harness/control'
import type { Margen } from '../tests/harness/launch'
import { type Bare, drivenFigure, drivenLoad, type Loader, whenPainted } from './lib/bare'
import {
  ACTIVE_SESSION,
  type ActiveSession,
  activeSession,
  bareCommand,
  type Rows,
  refill,
  req,
  uiCommand,
  withDb,
} from './lib/extension'
import type { Figure } from './lib/figure'
import { median, round, type Summary, summarize } from './lib/stats'

export interface PopupOptions {
  items: number
  loads: number
}

export const POPUP_DEFAULTS: PopupOptions = { items: 1_000, loads: 10 }

/** The held list, or (with nothing held) the note that replaces it. */
const HELD = 'section.held ul.groups, section.held p.empty'

const OBSERVE = `(() => {
  const b = { listAt: 0, paintedAt: 0, groups: 0, groupsAtInsert: 0 }
  window.__popupBench = b
  const seen = () => {
    const list = document.querySelector(${JSON.stringify(HELD)})
    if (!list) return false
    b.listAt = performance.now()
    b.groupsAtInsert = list.tagName === 'UL' ? list.children.length : 0
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => {
        b.paintedAt = performance.now()
        b.groups = list.tagName === 'UL' ? list.children.length : 0
      }
      ch.port2.postMessage(0)
    })
    return true
  }
  const mo = new MutationObserver(() => { if (seen()) mo.disconnect() })
  mo.observe(document, { childList: true, subtree: true })
})()`

const READ = `(() => ({
  ...window.__popupBench,
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
  fp: performance.getEntriesByName('first-paint')[0]?.startTime ?? -1,
}))()`

interface Load {
  fcp: number
  fp: number
  listAt: number
  paintedAt: number
  groups: number
  groupsAtInsert: number
}

/** In-worker code: adds `items` held captures to session `id` across `senders` senders. */
const seed = (id: string, items: number, senders: number, now: number) =>
  withDb(`(() => {
  const tx = db.transaction('captures', 'readwrite')
  const store = tx.objectStore('captures')
  const sites = [['gmail', 'https://mail.google.com'], ['slack', 'https://app.slack.com'],
    ['whatsapp', 'https://web.whatsapp.com'], ['teams', 'https://teams.microsoft.com']]
  for (let i = 0; i < ${items}; i++) {
    const s = i % ${senders}
    const [site, origin] = sites[s % sites.length]
    const name = 'Cliente ' + s + ' — Proyecto ' + (s % 7)
    store.add({
      at: ${now} - (${items} - i) * 1000, sessionId: ${JSON.stringify(id)}, site, origin,
      pageUrl: origin + '/', tabId: 1, frameId: 0, ref: 'seed-' + i, api: 'ctor',
      title: name, body: 'Hola, ¿puedes revisar el presupuesto ' + i + ' antes de las cinco?',
      tag: 't' + i, icon: '', data: '', sender: name, senderKey: site + ':' + name.toLowerCase(),
      verdict: 'hold', reason: 'block', status: 'held',
    })
  }
  return new Promise((ok, ko) => { tx.oncomplete = () => ok(${items}); tx.onerror = () => ko(tx.error) })
})()`)

/** In-worker code: how many held captures session `id` has. */
const countHeld = (id: string) =>
  withDb(
    `${req(
      `db.transaction('captures').objectStore('captures').index('[sessionId+at]').getAll(IDBKeyRange.bound([${JSON.stringify(id)}, -Infinity], [${JSON.stringify(id)}, Infinity]))`,
    )}.then((rows) => rows.filter((r) => r.status === 'held').length)`,
  )

/** In-worker code: deletes the held captures of session `id`. */
const clear = (id: string) =>
  withDb(
    `(() => {
  const tx = db.transaction('captures', 'readwrite')
  const index = tx.objectStore('captures').index('[sessionId+at]')
  const cursor = index.openCursor(IDBKeyRange.bound([${JSON.stringify(id)}, -Infinity], [${JSON.stringify(id)}, Infinity]))
  cursor.onsuccess = () => { const c = cursor.result; if (c) { c.delete(); c.continue() } }
  return new Promise((ok, ko) => { tx.oncomplete = () => ok(true); tx.onerror = () => ko(tx.error) })
})()`,
  )

const PAGE = POPUP

/** One load of the popup, through `load` (lib/bare.ts's, or `drivenLoad` in Playwright's). */
const loadPopup = (load: Loader) =>
  load<Load>(PAGE, { init: OBSERVE, read: whenPainted('window.__popupBench?.paintedAt', READ) })

interface Layout {
  items: number
  senders: number
  loads: Load[]
  fcp: Summary
  listAt: Summary
  paintedAt: Summary
  /** The same popup's loads in the browser Playwright drives (50 senders only). */
  driven: Load[]
}

export interface PopupResult {
  figures: Figure[]
  raw: { options: PopupOptions; layouts: Layout[] }
}

/** The held captures of session `id`, from `senders` senders. */
const heldIn = (id: string, senders: number): Rows => ({
  clear: clear(id),
  add: (n) => seed(id, n, senders, Date.now()),
  count: countHeld(id),
})

interface Sessions {
  bare: string
  driven: string
}

async function layout(
  b: Bare,
  m: Margen,
  ids: Sessions,
  items: number,
  senders: number,
  loads: number,
): Promise<Layout> {
  const compare = items > 0 && senders < items
  await refill(b.inWorker, heldIn(ids.bare, senders), items)
  const sw = await m.worker()
  if (compare) await refill((code) => sw.evaluate(code), heldIn(ids.driven, senders), items)
  // The first load also pays for compiling the popup's modules; it is kept, not dropped.
  const list: Load[] = []
  const driven: Load[] = []
  for (let i = 0; i < loads; i++) {
    list.push(await loadPopup(b.load))
    if (compare) driven.push(await loadPopup((path, o) => drivenLoad(m, path, o)))
  }
  // The popup lists the busiest POPUP_GROUPS senders and counts the rest.
  const shown = Math.min(senders, POPUP_GROUPS)
  for (const l of [...list, ...driven])
    if (l.groups !== shown) throw new Error(`the popup listed ${l.groups} groups, not ${shown}`)
  return {
    items,
    senders,
    loads: list,
    fcp: summarize(list.map((l) => l.fcp)),
    listAt: summarize(list.map((l) => l.listAt)),
    paintedAt: summarize(list.map((l) => l.paintedAt)),
    driven,
  }
}

/** `b`: the browser the figures are measured in; `m`: one Playwright drives, for comparison. */
export async function popupBench(
  b: Bare,
  m: Margen,
  o: PopupOptions = POPUP_DEFAULTS,
): Promise<PopupResult> {
  const start = { type: 'ui/focus-start', minutes: 25 }
  await bareCommand(b, start)
  await uiCommand(m, start)
  const bare = await b.inWorker<ActiveSession | undefined>(ACTIVE_SESSION)
  const driven = await activeSession(m)
  if (!bare || !driven) throw new Error('ui/focus-start left no active session')
  const ids = { bare: bare.id, driven: driven.id }
  const layouts: Layout[] = []
  for (const senders of [50, o.items])
    layouts.push(await layout(b, m, ids, o.items, senders, o.loads))
  // Baseline: the same popup with nothing held, to tell the fixed cost from the list's.
  layouts.push(await layout(b, m, ids, 0, 0, o.loads))
  await bareCommand(b, { type: 'ui/focus-end' })
  await uiCommand(m, { type: 'ui/focus-end' })

  const ms = (x: number) => `${round(x)} ms`
  const figures: Figure[] = layouts.flatMap((l): Figure[] => {
    const what =
      l.items === 0
        ? 'nothing held (baseline)'
        : `${l.items} held, ${l.senders === l.items ? `${l.senders} distinct senders` : `${l.senders} senders`}`
    const key = `popup.${l.items}x${l.senders}`
    const first = l.loads[0]?.paintedAt ?? Number.NaN
    return [
      {
        key: `${key}.listPaintedMs`,
        label: `Popup, ${what}: held ${l.items ? 'list' : 'section'} painted, median`,
        value: l.paintedAt.p50,
        unit: 'ms',
        ...(l.items > 0 ? { budget: { op: '<' as const, limit: 150 } } : {}),
        note:
          `${o.loads} loads, ms since navigation start; max ${ms(l.paintedAt.max)}, first load ` +
          `${ms(first)}; in the DOM: median ${ms(l.listAt.p50)}`,
      },
      {
        key: `${key}.fcpMs`,
        label: '  first-contentful-paint, median',
        value: median(l.loads.map((x) => x.fcp)),
        unit: 'ms',
        note: `max ${ms(l.fcp.max)}; what it paints may be the loading state, not the list`,
      },
      ...drivenFigure(key, l.driven),
    ]
  })
  return { figures, raw: { options: o, layouts } }
}
