// Hostile and broken payloads (tests/fixtures/payloads.js): huge, wrongly typed, cyclic, throwing
// getters, Symbols, hostile toString/valueOf/toJSON and Proxies, given to `new Notification` and
// `registration.showNotification` outside a session (the native call runs first) and during one
// (the page gets a stand-in, or a promise that Margen settles). The page must see what the
// platform shows it: an error only where the native API throws, of the same kind, and nothing
// escaping to its top level. What is stored is cut to src/core/limits.ts by the hook, so the
// background refuses nothing: its counters show no refusal or drop.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../src/core/limits'
import type { CaptureRow } from '../src/store/db'
import type { Control } from './harness/control'
import { openFixture, sleep } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

interface Outcome {
  ok: boolean
  title?: number
  body?: number
  icon?: number
  error?: { name: string; message: string; own: boolean }
}

declare global {
  interface Window {
    payloads: {
      names: string[]
      run(name: string, api: 'ctor' | 'sw', run: string): Promise<Outcome>
      escaped: string[]
      reentered: number
    }
  }
}

const APIS = ['ctor', 'sw'] as const
type Api = (typeof APIS)[number]

/**
 * What Chromium itself does with each payload, measured without Margen's stand-ins (outside a
 * session the native call runs first): these throw (the constructor) or reject (the promise),
 * with the error named here; `own` is the page's own error object, rethrown as is.
 */
const NATIVE_THROWS: Record<string, string> = {
  'title-symbol': 'TypeError',
  'title-tostring-throws': 'own',
  'title-tostring-object': 'TypeError',
  'title-proxy': 'own',
  'no-arguments': 'TypeError',
  'options-number': 'TypeError',
  'options-string': 'TypeError',
  'options-symbol': 'TypeError',
  'options-getter-throws': 'own',
  'options-body-symbol': 'TypeError',
  'options-data-function': 'DataCloneError',
  'options-data-symbol': 'DataCloneError',
  'options-data-getter-throws': 'own',
  'options-proxy-get-throws': 'own',
}
/** The one payload with no room for a tag or title (and refused by the platform). */
const UNTAGGED = new Set(['no-arguments'])

/** Expected stored text for a few payloads: exact cuts at the limits, and readings. */
const STORED: Record<string, (tag: string) => Partial<Record<keyof CaptureRow, unknown>>> = {
  'huge-title': (tag) => ({ title: `${tag} ${'t'.repeat(LIMITS.title - tag.length - 1)}` }),
  'huge-body': () => ({ body: 'b'.repeat(LIMITS.body) }),
  'huge-tag': (tag) => ({ tag: `${tag}${'g'.repeat(LIMITS.tag - tag.length)}` }),
  'huge-data': () => ({ data: `{"text":"${'d'.repeat(LIMITS.data - 9)}` }),
  'huge-icon': () => ({ icon: `https://x.test/${'i'.repeat(LIMITS.icon - 15)}` }),
  'title-number': () => ({ title: '42' }),
  'title-array': () => ({ title: '["a","b",3]' }),
  'title-null': () => ({ title: '' }),
  'title-cyclic': () => ({ title: '' }),
  'title-tojson-throws': () => ({ title: '' }),
  'title-tojson-huge': () => ({ title: `"${'j'.repeat(LIMITS.title - 1)}` }),
  'title-proxy-benign': () => ({ title: '{"a":1}' }),
  'options-body-number': () => ({ body: '12345' }),
  'options-body-object': () => ({ body: '' }),
  'options-cyclic-data': () => ({ data: '' }),
  // Read member by member: a Proxy whose `ownKeys` throws still gives its tag and body.
  'options-proxy': () => ({ body: 'proxied' }),
  'options-function': () => ({ body: 'fn' }),
  'options-null': (tag) => ({ title: tag, body: '', tag: '' }),
  'options-array': (tag) => ({ title: tag, body: '', tag: '' }),
}

/** Rows one tab stores: each payload the platform takes, per API, plus the re-entrant inner call. */
const expectedRows = (names: string[]) =>
  APIS.length * (names.filter((n) => !NATIVE_THROWS[n] && !UNTAGGED.has(n)).length + 1)

describe('hostile payloads', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  async function openPayloads(): Promise<{ page: Page; pageErrors: string[] }> {
    const page = await openFixture(m, 'web.whatsapp.com', '/payloads.html')
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    await page.waitForFunction(() => window.payloads !== undefined && window.fx !== undefined)
    expect(await page.evaluate(() => window.fx.swRegistered)).toBe(true)
    return { page, pageErrors }
  }

  async function runAll(page: Page, run: string) {
    const names = await page.evaluate(() => window.payloads.names)
    const out: Record<string, Outcome> = {}
    for (const api of APIS)
      for (const name of names)
        out[`${api} ${name}`] = await page.evaluate(
          ([n, a, r]) => window.payloads.run(n, a as Api, r),
          [name, api, run] as const,
        )
    return { names, out }
  }

  /** Each tab runs every payload through both APIs: well under the per-tab rate limit. */
  async function runIn(mode: 'open' | 'held') {
    const { page, pageErrors } = await openPayloads()
    const run = `${mode}${Date.now()}`
    const { names, out } = await runAll(page, run)
    await sleep(500)
    return { page, pageErrors, run, names, out }
  }

  function checkOutcomes(names: string[], out: Record<string, Outcome>) {
    for (const api of APIS)
      for (const name of names) {
        const o = out[`${api} ${name}`]
        const expected = NATIVE_THROWS[name]
        const seen = o?.ok ? 'none' : o?.error?.own ? 'own' : o?.error?.name
        expect(`${api} ${name}: ${seen}`).toBe(`${api} ${name}: ${expected ?? 'none'}`)
      }
  }

  async function checkStored(page: Page, run: string, names: string[], status: string) {
    const url = page.url()
    const rows = (await ctl.captures()).filter((c) => c.pageUrl === url)
    for (const api of APIS)
      for (const name of names) {
        const tag = `pl:${name}:${run}`
        const mine = rows.filter(
          (c) =>
            c.api === api &&
            (c.tag.startsWith(tag) || c.title.startsWith(tag)) &&
            !c.tag.endsWith('-inner'),
        )
        const expected = NATIVE_THROWS[name] || UNTAGGED.has(name) ? 0 : 1
        expect(`${api} ${name}: ${mine.length}`).toBe(`${api} ${name}: ${expected}`)
        for (const row of mine) {
          expect(row.status).toBe(status)
          expect(row.title.length).toBeLessThanOrEqual(LIMITS.title)
          expect(row.body.length).toBeLessThanOrEqual(LIMITS.body)
          expect(row.tag.length).toBeLessThanOrEqual(LIMITS.tag)
          expect(row.icon.length).toBeLessThanOrEqual(LIMITS.icon)
          expect(row.data.length).toBeLessThanOrEqual(LIMITS.data)
          const want = STORED[name]?.(tag)
          if (want) expect({ name, ...row }).toMatchObject({ name, ...want })
        }
      }
    // Nothing else from this tab: no capture for what the platform refused, and the one page
    // call made from inside Margen's own reading of a title (a re-entrant toJSON) was captured
    // once per API, not in a loop.
    const inner = rows.filter((c) => c.tag.endsWith('-inner'))
    expect(inner.map((c) => c.tag).sort()).toEqual(
      APIS.map(() => `pl:title-tojson-renotify:${run}-inner`),
    )
    expect(rows.length).toBe(expectedRows(names))
    expect(await page.evaluate(() => window.payloads.reentered)).toBe(APIS.length)
  }

  /** Counters other than parser fallbacks: refusals and drops. */
  /**
   * After a run: every payload that should be stored is, with its fields as the page passed them
   * (cut to the limits); nothing escaped the hook, the page saw no error, and the background
   * refused nothing. Closes the run's tab.
   */
  async function checkRun(
    { page, pageErrors, run, names }: Awaited<ReturnType<typeof runIn>>,
    status: 'delivered' | 'held',
    before: Record<string, number>,
  ) {
    await expect
      .poll(async () => (await ctl.captures()).filter((c) => c.pageUrl === page.url()).length)
      .toBe(expectedRows(names))
    await checkStored(page, run, names, status)
    expect(await page.evaluate(() => window.payloads.escaped)).toEqual([])
    expect(pageErrors).toEqual([])
    expect(await refusals()).toEqual(before)
    await page.close()
  }

  async function refusals(): Promise<Record<string, number>> {
    const all = Object.entries(await ctl.counters())
    return Object.fromEntries(all.filter(([key]) => !key.startsWith('parser:')))
  }

  it('outside a session: the page sees the native outcome, and captures are cut to the limits', async () => {
    const before = await refusals()
    const result = await runIn('open')
    checkOutcomes(result.names, result.out)
    await checkRun(result, 'delivered', before)
  }, 60_000)

  it('during a session: stand-ins throw exactly where the native API would, and hold the rest', async () => {
    // The native outcome first, in a tab of its own (outside a session the platform's own
    // constructor runs), then the same payloads held, compared field by field.
    const native = await runIn('open')
    await native.page.close()
    await ctl.start()
    const before = await refusals()
    const result = await runIn('held')
    const { names, out } = result
    checkOutcomes(names, out)
    const seen = (o: Outcome | undefined) => ({
      ...o,
      error: o?.error && { name: o.error.name, own: o.error.own },
    })
    for (const key of Object.keys(native.out))
      expect({ key, ...seen(out[key]) }).toEqual({ key, ...seen(native.out[key]) })
    await checkRun(result, 'held', before)
  }, 90_000)
})
