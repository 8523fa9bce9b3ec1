// The tests' handle on Margen's state: one extension page (the popup, opened in a tab) that sends
// the UI messages the real pages send, and reads what the background wrote: IndexedDB 'margen'
// with the raw API, `storage.local`, the badge, the notifications, the tabs. An extension page
// shares the service worker's origin, so it reads the same database, and it keeps working while
// the worker is stopped (the worker's own handle cannot be evaluated then).

import type { Page } from 'playwright-core'
import type { DaySummary } from '../../src/core/insights/summary'
import type { Reply, UiMsg } from '../../src/core/messages'
import type { CaptureRow, CounterRow, KvRow, SessionRow } from '../../src/store/db'
import type { Margen } from './launch'

export const POPUP = 'src/ui/popup/index.html'
export const REVIEW = 'src/ui/review/index.html'

type Tables = {
  captures: CaptureRow
  sessions: SessionRow
  counters: CounterRow
  kv: KvRow
  insightDays: DaySummary
}

export interface Control {
  page: Page
  /** Sends any message, as the extension's pages do; `UiMsg` only to keep tests honest. */
  send(msg: UiMsg | Record<string, unknown>): Promise<Reply>
  read<T extends keyof Tables>(table: T): Promise<Tables[T][]>
  captures(): Promise<CaptureRow[]>
  /** The first capture matching `pred`, waiting for the background to store it. */
  capture(pred: (c: CaptureRow) => boolean, timeout?: number): Promise<CaptureRow>
  counters(): Promise<Record<string, number>>
  active(): Promise<SessionRow | undefined>
  /** Starts a session through the router and returns its row. */
  start(req?: { minutes?: number; until?: number }): Promise<SessionRow>
  /** Ends the running session, if any. */
  end(): Promise<void>
  badge(): Promise<string>
  quiet(): Promise<unknown>
  notificationIds(): Promise<string[]>
  clearNotifications(): Promise<void>
  tab(id: number): Promise<chrome.tabs.Tab>
  /** The tab id of a Playwright page on a watched site (its URL must be unique among the open
   * tabs; Margen has no "tabs" permission, so it sees the URLs of watched sites only). */
  tabIdOf(page: Page): Promise<number>
  /** Every open tab's id. */
  tabIds(): Promise<number[]>
}

export async function openControl(m: Margen): Promise<Control> {
  const page = await m.extensionPage(POPUP)
  const read = <T extends keyof Tables>(table: T) =>
    page.evaluate(
      (name) =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = indexedDB.open('margen')
          // Never create the database here: that is the background's job.
          req.onupgradeneeded = () => req.transaction?.abort()
          req.onerror = () => resolve([])
          req.onsuccess = () => {
            const db = req.result
            const tx = db.transaction(name, 'readonly')
            const all = tx.objectStore(name).getAll()
            tx.oncomplete = () => {
              db.close()
              resolve(all.result)
            }
            tx.onerror = () => {
              db.close()
              reject(tx.error)
            }
          }
        }),
      table as string,
    ) as Promise<Tables[T][]>

  const active = async () => (await read('sessions')).find((s) => s.state === 'active')

  const ctl: Control = {
    page,
    send: (msg) => page.evaluate((x) => chrome.runtime.sendMessage(x), msg) as Promise<Reply>,
    read,
    captures: () => read('captures'),
    async capture(pred, timeout = 10_000) {
      const until = Date.now() + timeout
      for (;;) {
        const found = (await read('captures')).find(pred)
        if (found) return found
        if (Date.now() > until) throw new Error(`no matching capture within ${timeout} ms`)
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    counters: async () =>
      Object.fromEntries((await read('counters')).map((c) => [c.key, c.value] as const)),
    active,
    async start(req = { minutes: 25 }) {
      const reply = await ctl.send({ type: 'ui/focus-start', ...req })
      if (!reply.ok) throw new Error(`focus-start refused: ${reply.error}`)
      const session = await active()
      if (!session) throw new Error('focus-start answered ok, but no session is active')
      return session
    },
    async end() {
      if (await active()) await ctl.send({ type: 'ui/focus-end' })
    },
    badge: () => page.evaluate(() => chrome.action.getBadgeText({})),
    quiet: () => page.evaluate(async () => (await chrome.storage.local.get('quiet')).quiet),
    notificationIds: () =>
      page.evaluate(async () => Object.keys(await chrome.notifications.getAll())),
    clearNotifications: () =>
      page.evaluate(async () => {
        for (const id of Object.keys(await chrome.notifications.getAll()))
          await chrome.notifications.clear(id)
      }),
    tab: (id) => page.evaluate((tabId) => chrome.tabs.get(tabId), id),
    async tabIdOf(target) {
      const ids = await page.evaluate(
        async (url) => (await chrome.tabs.query({})).filter((t) => t.url === url).map((t) => t.id),
        target.url(),
      )
      if (ids.length !== 1 || ids[0] === undefined)
        throw new Error(`expected one tab at ${target.url()}, found ${ids.length}`)
      return ids[0]
    },
    tabIds: () =>
      page.evaluate(async () => (await chrome.tabs.query({})).flatMap((t) => t.id ?? [])),
  }
  return ctl
}
