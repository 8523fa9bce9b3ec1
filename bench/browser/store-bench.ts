/**
 * Runs inside a real Chromium page (real IndexedDB), bundled by bench/store.ts. Measures the
 * store against DESIGN.md's budgets and leaves the figures on `window.benchResult`.
 */
import { digestLine, digestOf } from '../../src/core/digest'
import { createCaptureStore, type NewCapture } from '../../src/store/captures'
import { openDb } from '../../src/store/db'
import { PLAIN_CAPTURE } from '../../src/store/testing'

const SENDERS = 50

const row = (i: number, sessionId: string): NewCapture => ({
  at: Date.now() + i,
  sessionId,
  site: i % 2 ? 'gmail' : 'slack',
  origin: 'https://mail.google.com',
  pageUrl: 'https://mail.google.com/mail/u/0/',
  tabId: 1,
  frameId: 0,
  ref: `r-${i}`,
  api: 'ctor',
  title: `Sender ${i % SENDERS}`,
  body: 'Hola, ¿puedes revisar el presupuesto antes de las cinco?',
  tag: `t${i}`,
  icon: '',
  data: '',
  sender: `Sender ${i % SENDERS}`,
  senderKey: `gmail:sender ${i % SENDERS}`,
  verdict: 'hold',
  reason: 'block',
  status: 'held',
  ...PLAIN_CAPTURE,
  idValue: `Sender ${i % SENDERS}`,
})

const TOTAL = 100_000

/** The platform's own cost, without Dexie: raw IndexedDB with the same store and indexes. */
async function rawIdb(): Promise<{ raw2kEachMs: number; raw10kOneTxMs: number }> {
  const name = `bench-raw-${Date.now()}`
  const db = await new Promise<IDBDatabase>((ok, ko) => {
    const r = indexedDB.open(name, 1)
    r.onupgradeneeded = () => {
      const s = r.result.createObjectStore('captures', { keyPath: 'id', autoIncrement: true })
      s.createIndex('at', 'at')
      s.createIndex('[sessionId+at]', ['sessionId', 'at'])
      s.createIndex('senderKey', 'senderKey')
      s.createIndex('[status+at]', ['status', 'at'])
      s.createIndex('site', 'site')
    }
    r.onsuccess = () => ok(r.result)
    r.onerror = () => ko(r.error)
  })
  const tx = (write: (s: IDBObjectStore) => void) =>
    new Promise((ok, ko) => {
      const t = db.transaction('captures', 'readwrite')
      write(t.objectStore('captures'))
      t.oncomplete = ok
      t.onerror = () => ko(t.error)
    })
  let t = performance.now()
  await Promise.all(Array.from({ length: 2_000 }, (_, i) => tx((s) => s.add(row(i, 'raw')))))
  const raw2kEachMs = performance.now() - t
  t = performance.now()
  await tx((s) => {
    for (let i = 0; i < 10_000; i++) s.add(row(i, 'raw'))
  })
  const raw10kOneTxMs = performance.now() - t
  db.close()
  indexedDB.deleteDatabase(name)
  return { raw2kEachMs, raw10kOneTxMs }
}
const SESSIONS = 2_000

async function run() {
  const db = openDb(`bench-${Date.now()}`)
  const store = createCaptureStore(db)

  // 10,000 captures through the store's add(), as the background writes them, all in flight at
  // once as in a flood.
  let t = performance.now()
  await Promise.all(Array.from({ length: 10_000 }, (_, i) => store.add(row(i, 'flood'))))
  const write10kConcurrentMs = performance.now() - t

  // The same, one after another (the background awaits each write before it answers).
  t = performance.now()
  for (let i = 0; i < 2_000; i++) await store.add(row(i, 'seq'))
  const write2kSequentialMs = performance.now() - t

  // 10,000 in one transaction: the floor for any batching.
  const batch = Array.from({ length: 10_000 }, (_, i) => row(i, 'bulk') as never)
  t = performance.now()
  await db.captures.bulkAdd(batch)
  const write10kBulkMs = performance.now() - t

  // Up to 100,000 stored captures across 2,000 sessions; then one session's digest.
  const rest = TOTAL - (await db.captures.count())
  const bulk: NewCapture[] = []
  for (let i = 0; i < rest; i++) bulk.push(row(i, `s${i % SESSIONS}`))
  await db.captures.bulkAdd(bulk as never[])
  const totalStored = await db.captures.count()
  const digest = async (sessionId: string, expected: number) => {
    const t0 = performance.now()
    const held = await store.heldInSession(sessionId)
    const line = digestLine(digestOf(held), (n) => `${n} others`)
    const ms = performance.now() - t0
    if (held.length !== expected || !line)
      throw new Error(`expected ${expected}, got ${held.length}`)
    return ms
  }
  const perSession = rest / SESSIONS
  const digestMs: number[] = []
  for (let k = 0; k < 41; k++) digestMs.push(await digest(`s${k * 37}`, perSession))
  const bigDigestMs: number[] = []
  for (let k = 0; k < 5; k++) bigDigestMs.push(await digest('seq', 2_000))
  await db.delete()
  return {
    ...(await rawIdb()),
    write10kConcurrentMs,
    write2kSequentialMs,
    write10kBulkMs,
    totalStored,
    digestCaptures: perSession,
    digestMs,
    bigDigestMs,
  }
}

declare global {
  interface Window {
    benchResult?: unknown
  }
}

run().then(
  (r) => {
    window.benchResult = r
  },
  (e: unknown) => {
    window.benchResult = { error: String(e) }
  },
)
