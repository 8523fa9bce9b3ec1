/** Talking to the loaded extension from outside: UI commands and raw reads of its IndexedDB. */
import { POPUP } from '../../tests/harness/control'
import type { Margen } from '../../tests/harness/launch'
import type { Bare } from './bare'

/** Sends a UI command from an extension page, as the popup does; throws unless it succeeds. */
export async function uiCommand(m: Margen, msg: { type: string; [k: string]: unknown }) {
  const page = await m.extensionPage('src/ui/popup/index.html')
  try {
    const reply = (await page.evaluate((x) => chrome.runtime.sendMessage(x), msg)) as {
      ok: boolean
      error?: string
    }
    if (!reply?.ok) throw new Error(`${msg.type} failed: ${reply?.error ?? JSON.stringify(reply)}`)
  } finally {
    await page.close()
  }
}

/** `uiCommand` in the browser no driver is attached to (lib/bare.ts). */
export async function bareCommand(b: Bare, msg: { type: string; [k: string]: unknown }) {
  const reply = await b.load<{ ok: boolean; error?: string }>(POPUP, {
    read: `chrome.runtime.sendMessage(${JSON.stringify(msg)})`,
  })
  if (!reply?.ok) throw new Error(`${msg.type} failed: ${reply?.error ?? JSON.stringify(reply)}`)
}

/** In-worker code (strings) that empties a bench's rows, adds `n` of them, and counts them. */
export interface Rows {
  clear: string
  add: (n: number) => string
  count: string
}

/** Leaves exactly `items` of `rows` in the database, through `inWorker` (a browser's worker). */
export async function refill(inWorker: <T>(code: string) => Promise<T>, rows: Rows, items: number) {
  await inWorker(rows.clear)
  if (items > 0) await inWorker(rows.add(items))
  const n = await inWorker<number>(rows.count)
  if (n !== items) throw new Error(`seeded ${n} held captures, expected ${items}`)
}

/**
 * In-worker code (a string: no bundler helper may leak into the worker) that opens Margen's
 * database with raw IndexedDB, runs `body` with `db` in scope, and resolves to its result.
 */
export const withDb = (body: string) => `new Promise((resolve, reject) => {
  const req = indexedDB.open('margen')
  req.onerror = () => reject(req.error)
  req.onsuccess = () => {
    const db = req.result
    Promise.resolve()
      .then(() => (${body}))
      .then((v) => { db.close(); resolve(v) }, (e) => { db.close(); reject(e) })
  }
})`

/** `request` as a promise (in-worker code). */
export const req = (request: string) => `new Promise((ok, ko) => {
  const r = ${request}
  r.onsuccess = () => ok(r.result)
  r.onerror = () => ko(r.error)
})`

export async function counters(m: Margen): Promise<Record<string, number>> {
  const sw = await m.worker()
  const rows = await sw.evaluate<{ key: string; value: number }[]>(
    withDb(req(`db.transaction('counters').objectStore('counters').getAll()`)),
  )
  return Object.fromEntries(rows.map((r) => [r.key, r.value]))
}

export interface ActiveSession {
  id: string
  endsAt: number
}

/** In-worker code: the active session, or undefined. */
export const ACTIVE_SESSION = withDb(
  req(`db.transaction('sessions').objectStore('sessions').index('state').get('active')`),
)

export async function activeSession(m: Margen): Promise<ActiveSession | undefined> {
  return (await m.worker()).evaluate<ActiveSession | undefined>(ACTIVE_SESSION)
}

/** How many stored captures have a title starting with `prefix` (and this client, if given). */
export async function storedWithPrefix(
  m: Margen,
  prefix: string,
  clientId?: string,
): Promise<number> {
  const sw = await m.worker()
  const client = clientId === undefined ? 'true' : `r.clientId === ${JSON.stringify(clientId)}`
  return sw.evaluate<number>(
    withDb(
      `${req(`db.transaction('captures').objectStore('captures').getAll()`)}` +
        `.then((rows) => rows.filter((r) => r.title.startsWith(${JSON.stringify(prefix)}) && ${client}).length)`,
    ),
  )
}

/**
 * Waits until the background has worked off what earlier benchmarks left it (its counters stop
 * changing for `quietMs`), so that its backlog does not compete with the next measurement.
 */
export async function settleBackground(m: Margen, quietMs = 1_000, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  let last = ''
  let since = Date.now()
  while (Date.now() < deadline) {
    const now = JSON.stringify(await counters(m))
    if (now !== last) {
      last = now
      since = Date.now()
    } else if (Date.now() - since >= quietMs) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`the background was still busy after ${timeoutMs} ms`)
}
