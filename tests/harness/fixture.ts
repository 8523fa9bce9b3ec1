// Driving the fixture pages (tests/fixtures/fx.js) from tests: open one under a unique URL, make it
// notify, and read what the page saw. Types of `window.fx`: ./fx-types.ts.
import type { Page } from 'playwright-core'
import type { FxLogEntry, NotifyArgs } from './fx-types'
import './fx-types'
import type { Margen } from './launch'

let seq = 0

/** How long a held notification is given to show up anyway before a test says it did not. */
export const QUIET_WAIT_MS = 1_500

/** A new tab on `https://<host><path>?t=<n>`: the query makes its URL (and so its tab) unique. */
export function openFixture(m: Margen, host: string, path = '/fixture.html'): Promise<Page> {
  return m.page(host, `${path}?t=${++seq}-${Date.now()}`)
}

export const notify = (page: Page, args: NotifyArgs): Promise<number> =>
  page.evaluate((a) => window.fx.notify(a), args)

export const eventsOf = (page: Page, id: number): Promise<FxLogEntry[]> =>
  page.evaluate((n) => window.fx.log.filter((e) => e.id === n), id)

/** Resolves once the page's notification `id` fired `show` (its onshow and its listener). */
export async function waitForShow(page: Page, id: number, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    (n) => window.fx.log.filter((e) => e.id === n && e.type === 'show').length >= 2,
    id,
    { timeout },
  )
}

/** What the page's service-worker registration currently displays with this tag. */
export const swDisplayed = (page: Page, tag: string): Promise<number> =>
  page.evaluate(async (t) => {
    const reg = await navigator.serviceWorker.ready
    return (await reg.getNotifications({ tag: t })).length
  }, tag)

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
