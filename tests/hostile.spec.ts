// Untrusted pages: a hostile page on a watched site cannot forge captures, overhear the private
// hook⇄bridge channel, read Margen's data or steer sessions. tests/fixtures/hostile.js lists each
// attack it makes (`hostile.attacks`); every one must have run and got nothing back. Two more
// tests give a script that runs before Margen's own (only the test driver can) the channel, or
// the first HELLO: what the bridge refuses is counted where the user sees it, and nothing but a
// capture in the tab's own name gets through.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEFAULT_KEYWORDS, type Rules } from '../src/core/clients/schema'
import { identity, testClient } from '../src/core/clients/testing'
import { LIMITS } from '../src/core/limits'
import type { CaptureRow } from '../src/store/db'
import type { Control } from './harness/control'
import { eventsOf, notify, openFixture, QUIET_WAIT_MS, sleep } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const MARK = 'margen-forged'

/** A client's name and identity, an emergency sender, another site's capture: never to leak. */
const SECRETS = ['Cliente Secreto', 'Sofía Secreta', 'Mamá Secreta', 'Ana Ruiz'] as const

/** What tests/fixtures/hostile.js tries (see its comments for each). */
const ATTACKS = [
  'postMessage',
  'custom-events-window',
  'custom-events-document',
  'hello-after-hook-window',
  'hello-after-hook-document',
  'guess-channel-element',
  'hello-in-fresh-frame',
  'read-margen-data',
] as const
interface Attack {
  tries: number
  answers: unknown[]
  found: string[]
}
interface WithAttacks {
  attacks: Record<string, Attack>
}

describe('hostile page', () => {
  let m: Margen
  let ctl: Control

  useMargen(async (margen, control) => {
    m = margen
    ctl = control
    // Something worth stealing: a client and an emergency sender in the settings.
    const rules: Rules = {
      clients: [
        testClient('secret', { name: SECRETS[0], identities: [identity('name', SECRETS[1])] }),
      ],
      emergency: [identity('name', SECRETS[2])],
      keywords: [...DEFAULT_KEYWORDS],
      emergencyChannel: '',
    }
    expect(await ctl.send({ type: 'ui/rules-save', rules })).toEqual({ ok: true })
  })

  /** Counters of refused or dropped messages: parser fallbacks count real captures, not these. */
  async function refusals(): Promise<Record<string, number>> {
    const all = Object.entries(await ctl.counters())
    return Object.fromEntries(all.filter(([key]) => !key.startsWith('parser:')))
  }

  /**
   * Every attack the fixture lists ran (tries > 0), got no answer on anything it listened to, and
   * read nothing of Margen's. The list is the closing note's, so a renamed or dropped attack fails.
   */
  async function expectEveryAttackFailed(page: Page): Promise<Record<string, Attack>> {
    const attacks = await page.evaluate(() => (window.hostile as unknown as WithAttacks).attacks)
    expect(Object.keys(attacks).sort()).toEqual([...ATTACKS].sort())
    for (const name of ATTACKS) {
      expect({ name, tried: attacks[name]!.tries > 0 }).toEqual({ name, tried: true })
      expect({ name, answers: attacks[name]!.answers, found: attacks[name]!.found }).toEqual({
        name,
        answers: [],
        found: [],
      })
    }
    return attacks
  }

  async function openHostile(): Promise<Page> {
    const page = await openFixture(m, 'web.whatsapp.com', '/hostile.html')
    await page.waitForFunction(() => window.hostile?.done === true)
    return page
  }

  it('forges and spies during a session: nothing forged is stored, nothing is overheard', async () => {
    const session = await ctl.start()
    const [countersBefore, sessionsBefore, quietBefore] = [
      await refusals(),
      await ctl.read('sessions'),
      await ctl.quiet(),
    ]
    const mail = await openFixture(m, 'mail.google.com')
    const hostile = await openHostile()
    const hostileTab = await ctl.tabIdOf(hostile)
    // A real notification, held; then forge verdicts and captures again while it waits.
    const heldShown = await hostile.evaluate(async (id) => {
      const shown: string[] = []
      const n = new Notification('margen-forged held', { tag: 'margen-forged-held' })
      n.addEventListener('show', () => shown.push('show'))
      await window.hostile!.probe({ extensionId: id })
      return shown
    }, m.extensionId)
    // Page A's own capture, while page B (the hostile one) is open.
    const tag = `a-${Date.now()}`
    const aId = await notify(mail, { title: 'Ana Ruiz', body: 'from A', tag })
    const fromA = await ctl.capture((c) => c.tag === tag)
    await ctl.capture((c) => c.tag === 'margen-forged-held')
    await sleep(QUIET_WAIT_MS)

    expect(fromA).toMatchObject({
      origin: 'https://mail.google.com',
      site: 'gmail',
      tabId: await ctl.tabIdOf(mail),
      verdict: 'hold',
      sessionId: session.id,
    })
    expect(await eventsOf(mail, aId)).toEqual([])
    expect(heldShown).toEqual([])
    expect(await hostile.evaluate(() => window.hostile!.observed)).toEqual([])
    await expectEveryAttackFailed(hostile)

    // Only the page's real API calls were captured (the probe on load, the explicit probe and
    // the held one above), from its real origin and tab; no forged payload got through.
    const marked = (await ctl.captures()).filter((c) => JSON.stringify(c).includes(MARK))
    const brief = (c: CaptureRow) => [c.title, c.tag, c.api, c.origin, c.site, c.tabId]
    const real = (title: string, t: string) => [
      title,
      t,
      'ctor',
      'https://web.whatsapp.com',
      'whatsapp',
      hostileTab,
    ]
    expect(marked.map(brief).sort()).toEqual(
      [
        real('margen-forged held', 'margen-forged-held'),
        real('margen-forged probe', 'margen-forged-probe'),
        real('margen-forged probe', 'margen-forged-probe'),
      ].sort(),
    )
    expect(marked.every((c) => c.status === 'held' && c.sessionId === session.id)).toBe(true)

    // It could not start, end or change a session, nor reach the background at all.
    expect(await hostile.evaluate(() => window.hostile!.runtime)).toBe('absent')
    expect(await ctl.read('sessions')).toEqual(sessionsBefore)
    expect(await ctl.quiet()).toEqual(quietBefore)
    expect(await refusals()).toEqual(countersBefore)

    // Once more, now that another site's capture is stored: nothing the page saw, read or holds
    // names a client, an emergency sender or that capture's sender.
    await hostile.evaluate((id) => window.hostile!.probe({ extensionId: id }), m.extensionId)
    await expectEveryAttackFailed(hostile)
    const everything = await hostile.evaluate(() =>
      JSON.stringify({
        hostile: window.hostile,
        html: document.documentElement.outerHTML,
        storage: { ...localStorage, ...sessionStorage },
        title: document.title,
      }),
    )
    for (const secret of SECRETS)
      expect({ secret, leaked: everything.includes(secret) }).toEqual({ secret, leaked: false })
    await hostile.close()
    await mail.close()
  })

  /**
   * A page on `host` with a script that runs before Margen's content scripts: only the test
   * driver (or the browser's automation, or another extension) can do that; page scripts always
   * run after document_start. `grab` keeps the channel element the hook hands the bridge;
   * `impostor` says HELLO first, with an element of its own (and keeps whatever answers on it).
   */
  async function openWithEarlyScript(mode: 'grab' | 'impostor'): Promise<Page> {
    const page = await m.context.newPage()
    await page.addInitScript(
      ({ mode, hello }) => {
        const w = window as unknown as { chan?: EventTarget; down: unknown[] }
        w.down = []
        const keep = (el: EventTarget) => {
          w.chan = el
          el.addEventListener('m:dn', (e) => w.down.push(JSON.parse((e as CustomEvent).detail)))
        }
        if (mode === 'impostor') {
          const el = document.createElement('span')
          keep(el)
          dispatchEvent(new MouseEvent(hello, { relatedTarget: el }))
        } else {
          addEventListener(hello, (e) => keep((e as MouseEvent).relatedTarget as EventTarget), {
            capture: true,
            once: true,
          })
        }
      },
      { mode, hello: 'margen' },
    )
    await page.goto(m.url('web.whatsapp.com', `/fixture.html?early=${mode}-${Date.now()}`))
    return page
  }

  it('with the channel in hand (a pre-page script): drops are counted, nothing but a capture of its own', async () => {
    const session = await ctl.start()
    const before = await ctl.counters()
    const page = await openWithEarlyScript('grab')
    const tabId = await ctl.tabIdOf(page)
    const forged = { ref: 'forged-1', api: 'ctor', mode: 'pending', title: `${MARK} in hand` }
    const cap = { ...forged, body: MARK, tag: 'in-hand', icon: '', data: '' }
    await page.evaluate(
      ({ cap, big }) => {
        const el = (window as unknown as { chan: EventTarget }).chan
        const up = (detail: unknown) => el.dispatchEvent(new CustomEvent('m:up', { detail }))
        up(5) // not a string
        up('x'.repeat(big)) // too big
        up('{') // not JSON
        // Wrong shapes: another site's name, a session command, a settings read.
        up(JSON.stringify({ k: 'cap', cap: { ...cap, origin: 'https://mail.google.com' } }))
        up(JSON.stringify({ type: 'ui/focus-end' }))
        up(JSON.stringify({ type: 'ui/settings-get' }))
        // Its own capture, in the hook's exact shape.
        up(JSON.stringify({ k: 'cap', cap }))
      },
      { cap, big: LIMITS.messageBytes + 1 },
    )
    const row = await ctl.capture((c) => c.ref === 'forged-1')
    // Stored as what it is: this tab's, on this site, whatever the payload claimed.
    expect(row).toMatchObject({
      origin: 'https://web.whatsapp.com',
      site: 'whatsapp',
      tabId,
      title: `${MARK} in hand`,
      status: 'held',
      sessionId: session.id,
    })
    // The bridge's drops, counted in the background within about a second.
    const drops = async () => {
      const now = await ctl.counters()
      return Object.fromEntries(
        Object.entries(now)
          .filter(([k]) => k.startsWith('dropped:page:'))
          .map(([k, v]) => [k, v - (before[k] ?? 0)]),
      )
    }
    await expect.poll(drops, { timeout: 5_000 }).toEqual({
      'dropped:page:notString': 1,
      'dropped:page:tooBig': 1,
      'dropped:page:badJson': 1,
      'dropped:page:badShape': 3,
    })
    // All that came back down: quiet-period state and the verdict on its own capture.
    const down = (await page.evaluate(() => (window as unknown as { down: unknown[] }).down)) as {
      k: string
      ref?: string
    }[]
    expect(down.filter((d) => d.k !== 'state')).toEqual([
      { k: 'verdict', ref: 'forged-1', verdict: 'hold' },
    ])
    expect(await ctl.active()).toMatchObject({ id: session.id, endsAt: session.endsAt })
    // Nothing but the exact-shape capture was stored from that tab.
    const fromTab = (await ctl.captures()).filter((c) => c.tabId === tabId)
    expect(fromTab.map((c) => c.ref)).toEqual(['forged-1'])
    await page.close()
    // And the user sees the refusals, under the options page's coverage table.
    const options = await m.extensionPage('src/ui/options/index.html#sites')
    await options
      .getByText(/malformed messages? on Margen's private channel with a page (was|were) refused/)
      .waitFor()
    await options.close()
  })

  it('says HELLO before the hook (a pre-page script): too early for the bridge, no effect', async () => {
    const session = await ctl.start()
    const page = await openWithEarlyScript('impostor')
    const tabId = await ctl.tabIdOf(page)
    // Even a script that runs before Margen's own speaks before the bridge listens: its element
    // is never taken, the hook's is, and the tab's notifications are held as usual.
    const tag = `impostor-${Date.now()}`
    const id = await notify(page, { title: 'Ana Ruiz', body: 'held', tag })
    const row = await ctl.capture((c) => c.tag === tag)
    expect(row).toMatchObject({ tabId, status: 'held', sessionId: session.id })
    await sleep(QUIET_WAIT_MS)
    expect(await eventsOf(page, id)).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { down: unknown[] }).down)).toEqual([])
    expect(await ctl.active()).toMatchObject({ id: session.id, endsAt: session.endsAt })
    await page.close()
  })

  it('overhears nothing outside a session either', async () => {
    const hostile = await openHostile()
    expect(await hostile.evaluate(() => window.hostile!.observed)).toEqual([])
    await expectEveryAttackFailed(hostile)
    const marked = (await ctl.captures()).filter((c) => c.tag === MARK || c.title === MARK)
    expect(marked).toEqual([])
    expect(await ctl.active()).toBeUndefined()
    await hostile.close()
  })
})
