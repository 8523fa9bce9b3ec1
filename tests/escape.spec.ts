// Escaping the hook (tests/fixtures/escape.js): a page on a watched site that deletes or
// re-defines `window.Notification`, takes it from a fresh frame or popup, or notifies from a
// worker or its own service worker, during a session. Where the platform runs Margen's hook
// (every frame and about:blank document of a watched site, all_frames + match_about_blank +
// match_origin_as_fallback), or where the hook can reach the new window first (a frame read
// through its element, a popup returned by `window.open`), the notification is still held.
// Where no content script can run (dedicated and shared workers, the site's own service worker)
// it shows and Margen never sees it: these tests pin that gap down, and the options page's
// coverage view states it on every site's row. One more gap is pinned down here, not in the UI
// (a site would have to evade Margen on purpose, and the user can do nothing about it): a
// frame's initial document, reached through `window[i]` before its navigation commits.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Control } from './harness/control'
import { openFixture, sleep } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

interface Outcome {
  how: string
  native: boolean | null
  shown: boolean
  error?: string
  left?: string
}

declare global {
  interface Window {
    escape: { names: string[]; run(name: string, tag: string): Promise<Outcome> }
  }
}

/** Around the wrapper on this window. */
const AROUND_WINDOW = [
  'delete-window-Notification',
  'define-window-Notification',
  'assign-window-Notification',
  'prototype-constructor',
] as const
/** Fresh same-origin realms, where Chromium runs Margen's content scripts. */
const FRESH_REALMS = [
  'iframe-about-blank',
  'iframe-about-blank-window-index',
  'iframe-src-before-load',
  'iframe-srcdoc',
  'iframe-javascript-url',
  'popup-about-blank',
  'popup-empty-url',
  'popup-url-before-load',
] as const
/** Routes the platform refuses outright. */
const REFUSED = ['iframe-data-url', 'dedicated-worker-registration'] as const
/** Routes no extension's content script reaches. */
const GAP = [
  'dedicated-worker',
  'shared-worker',
  'service-worker-self',
  'iframe-src-window-index',
] as const

describe('escaping the hook', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  async function openEscape(): Promise<Page> {
    const page = await openFixture(m, 'mail.google.com', '/escape.html')
    await page.waitForFunction(() => window.escape !== undefined)
    return page
  }

  /** Runs `names` in a session on a fresh page; returns what the page saw and what was stored. */
  async function tryAll(names: readonly string[]) {
    const session = await ctl.start()
    const page = await openEscape()
    const run = Date.now()
    const tagOf = (name: string) => `esc:${name}:${run}`
    const out: Record<string, Outcome> = {}
    for (const name of names)
      out[name] = await page.evaluate(([n, t]) => window.escape.run(n, t), [
        name,
        tagOf(name),
      ] as const)
    await sleep(1_000)
    const rows = await ctl.captures()
    const stored = (name: string) => rows.filter((c) => c.tag === tagOf(name))
    return { session, page, out, stored }
  }

  it('holds what a page makes after deleting, re-defining or assigning window.Notification', async () => {
    const { session, page, out, stored } = await tryAll(AROUND_WINDOW)
    expect(out['delete-window-Notification']?.left).toBe('undefined')
    for (const name of AROUND_WINDOW) {
      expect({ name, shown: out[name]?.shown, error: out[name]?.error }).toEqual({
        name,
        shown: false,
        error: undefined,
      })
      expect({ name, rows: stored(name).map((c) => [c.status, c.sessionId]) }).toEqual({
        name,
        rows: [['held', session.id]],
      })
    }
    await page.close()
  })

  it('holds what a page makes with the Notification of a fresh frame or popup, where the hook runs', async () => {
    const { session, page, out, stored } = await tryAll([...FRESH_REALMS, ...REFUSED])
    for (const name of FRESH_REALMS) {
      expect({ name, shown: out[name]?.shown, error: out[name]?.error }).toEqual({
        name,
        shown: false,
        error: undefined,
      })
      expect({ name, rows: stored(name).map((c) => [c.status, c.sessionId, c.site]) }).toEqual({
        name,
        rows: [['held', session.id, 'gmail']],
      })
    }
    // The platform itself refuses these: a data: frame is cross-origin, and a dedicated worker
    // has no service-worker registration to notify through.
    expect(out['iframe-data-url']?.error).toMatch(/SecurityError/)
    expect(out['dedicated-worker-registration']?.error).toMatch(/no registration/)
    for (const name of REFUSED) expect({ name, rows: stored(name) }).toEqual({ name, rows: [] })
    // `window.open` is wrapped for that (install.ts, `adopt`), and still reads as the original.
    expect(
      await page.evaluate(() => [window.open.name, window.open.length, `${window.open}`]),
    ).toEqual(['open', 0, 'function open() { [native code] }'])
    await page.close()
  })

  it("documents the gap: workers, the site's service worker and a frame's first instant escape", async () => {
    const { page, out, stored } = await tryAll(GAP)
    for (const name of GAP) {
      // Shown during the session, and never seen by Margen: no content script runs there.
      expect({ name, shown: out[name]?.shown }).toEqual({ name, shown: true })
      expect({ name, rows: stored(name) }).toEqual({ name, rows: [] })
    }
    // The page got the platform's own constructor from a frame whose `src` was set before it
    // was inserted, read through `window[i]` before its navigation committed: that initial
    // document is one no content script is injected into, and `window[i]` bypasses the
    // HTMLIFrameElement getters Margen watches (install.ts, `adopt`).
    expect(out['iframe-src-window-index']?.native).toBe(true)
    await page.close()

    // The options page says so, under the coverage table, for every site.
    const options = await m.extensionPage('src/ui/options/index.html#sites')
    await options.getByRole('table', { name: 'Notifications seen per site' }).waitFor()
    const said = options.getByText(
      /frames and its pop-ups show\. No extension can see notifications that a site's service worker shows from a push message, or that a dedicated or shared worker creates\./,
    )
    expect(await said.count()).toBe(1)
    await options.close()
  })
})
