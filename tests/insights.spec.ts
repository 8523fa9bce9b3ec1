// The insights page end to end in the built extension: notifications held and let through during
// a block (and one outside it) show up as captures, held, delivered and breakthroughs, per client
// and site; the charts are really drawn; and marking a claimed urgency "not urgent" changes the
// cry-wolf ratio on the open page.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Client, Identity, Rules } from '../src/core/clients/schema'
import { DEFAULT_KEYWORDS } from '../src/core/clients/schema'
import type { Control } from './harness/control'
import { notify, openFixture } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const INSIGHTS = 'src/ui/insights/index.html'

const name = (value: string): Identity => ({ kind: 'name', value, site: '' })

function client(id: string, over: Partial<Client>): Client {
  return {
    id,
    name: id,
    colour: '#2563eb',
    identities: [],
    tier: 'standard',
    responseHours: 24,
    note: '',
    keywords: false,
    repeat: null,
    channel: false,
    quota: 5,
    ...over,
  }
}

const RULES: Rules = {
  clients: [
    client('acme', {
      name: 'Acme',
      tier: 'priority',
      identities: [name('Ana Ruiz')],
      keywords: true,
    }),
    client('beta', { name: 'Beta', identities: [name('Bruno Beta')] }),
  ],
  emergency: [name('Mamá')],
  keywords: [...DEFAULT_KEYWORDS],
  emergencyChannel: '',
}

/** The body rows of a table, cell texts (row header first). */
const rowsOf = (page: Page, table: string) =>
  page
    .getByRole('table', { name: table, exact: true })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')))

const stat = (page: Page, key: string) =>
  page.locator(`[data-stat="${key}"] dd`).textContent({ timeout: 10_000 })

/** Per canvas: whether Margen says it drew it, and how many of its pixels are not transparent. */
const CANVASES = `[...document.querySelectorAll('canvas')].map((c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
  let painted = 0
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++
  return { chart: c.dataset.chart, label: c.getAttribute('aria-label'), share: painted / (c.width * c.height) }
})`

describe('insights page', () => {
  let m: Margen
  let ctl: Control

  useMargen(async (margen, control) => {
    m = margen
    ctl = control
    expect(await ctl.send({ type: 'ui/rules-save', rules: RULES })).toEqual({ ok: true })
  })

  it('counts what a block held and let through, draws it, and follows "not urgent" live', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const run = Date.now()
    const send = async (title: string, body: string) => {
      const tag = `${title}-${run}-${Math.random()}`
      await notify(gmail, { title, body, tag })
      return ctl.capture((c) => c.tag === tag)
    }
    await ctl.start()
    const urgent = await send('Ana Ruiz', 'Es URGENTE, llámame')
    expect(urgent).toMatchObject({ reason: 'urgent-keyword', clientId: 'acme', urgent: 1 })
    await send('Ana Ruiz', '¿Lo viste?')
    await send('Ana Ruiz', '¿Hola?')
    await send('Bruno Beta', 'Te mando el presupuesto')
    await send('Desconocido 42', 'Oferta especial')
    expect(await send('Mamá', 'Llámame')).toMatchObject({
      reason: 'emergency-sender',
      clientId: '',
    })
    await ctl.end()
    expect(await send('Bruno Beta', 'Gracias')).toMatchObject({
      verdict: 'deliver',
      reason: 'open',
    })
    await gmail.close()

    // The popup links to the page.
    const link = ctl.page.getByRole('link', { name: 'Insights' })
    expect(await link.getAttribute('href')).toBe('../insights/index.html')

    const page = await m.extensionPage(INSIGHTS)
    expect(await stat(page, 'captures')).toBe('7')
    expect(await stat(page, 'held')).toBe('4')
    expect(await stat(page, 'delivered')).toBe('3')
    expect(await stat(page, 'breakthroughs')).toBe('2')
    // Ana's two held messages came seconds apart: one episode, with Bruno's and the unknown's.
    expect(await stat(page, 'episodes')).toBe('3')
    await page.getByText('Estimate: 3 held episodes × 23 min per interruption.').waitFor()
    expect(await page.getByText('1 h 9 min').count()).toBe(1)

    const days = await rowsOf(page, 'Captures per day')
    expect(days).toHaveLength(30)
    expect(days.at(-1)?.slice(1)).toEqual(['7', '4', '3', '2', '3'])
    expect(await rowsOf(page, 'Clients who interrupt most')).toEqual([
      ['Acme', '3', '2', '1', '1'],
      ['No client', '2', '1', '1', '1'],
      ['Beta', '2', '1', '0', '1'],
    ])
    expect(await rowsOf(page, 'Sites that interrupt most')).toEqual([['Gmail', '7', '4', '2', '3']])
    expect(await rowsOf(page, 'Crying wolf')).toEqual([
      ['No client', '1', '0', '0%'],
      ['Acme', '1', '0', '0%'],
    ])

    // The four charts are drawn: each canvas has a good share of painted pixels.
    await expect
      .poll(async () => (await page.evaluate<{ chart: string }[]>(CANVASES)).map((c) => c.chart))
      .toEqual(['drawn', 'drawn', 'drawn', 'drawn'])
    // Chart.js animates unless reduced motion is asked for: give it time to finish.
    await expect
      .poll(async () =>
        (await page.evaluate<{ share: number }[]>(CANVASES)).every((c) => c.share > 0.01),
      )
      .toBe(true)
    const labels = (await page.evaluate<{ label: string }[]>(CANVASES)).map((c) => c.label)
    expect(labels[0]).toMatch(/^Captures per day: 7 in total, the most on .+ \(7\)\.$/)
    expect(labels[1]).toBe(
      'Clients who interrupt most, most captures first: Acme 3, No client 2, Beta 2.',
    )

    // Marked "not urgent" elsewhere (as the review page's button does): the open page follows.
    const marked = await ctl.send({ type: 'ui/mark-not-urgent', ids: [urgent.id], notUrgent: true })
    expect(marked).toMatchObject({ ok: true })
    await expect
      .poll(() => rowsOf(page, 'Crying wolf'))
      .toEqual([
        ['Acme', '1', '1', '100%'],
        ['No client', '1', '0', '0%'],
      ])
    await page.close()
  })

  it('shows the numbers as a table on request, and switches to weeks and 7 days', async () => {
    const page = await m.extensionPage(`${INSIGHTS}?days=7&by=week`)
    expect(await page.getByRole('radio', { name: '7 days' }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: 'Per week' }).isChecked()).toBe(true)
    const table = page.getByRole('table', { name: 'Captures per week (Monday to Sunday)' })
    // Before: in the accessibility tree, but on screen a 1-pixel clip.
    const shownWidth = () => table.evaluate((t) => t.parentElement?.getBoundingClientRect().width)
    expect(await shownWidth()).toBeLessThanOrEqual(1)
    const toggle = page.getByRole('button', { name: 'Show numbers as a table' }).first()
    await toggle.focus()
    await page.keyboard.press('Enter')
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    expect(await shownWidth()).toBeGreaterThan(300)
    const weeks = await rowsOf(page, 'Captures per week (Monday to Sunday)')
    // 7 days span one or two ISO weeks; every capture of the first test is in the last one.
    expect(weeks.length).toBeGreaterThanOrEqual(1)
    expect(weeks.at(-1)?.[1]).toBe('7')
    // The choice is kept in the address, for a reload or a link.
    await page.getByRole('radio', { name: '30 days' }).check()
    await expect.poll(() => new URL(page.url()).search).toBe('?days=30&by=week')
    await page.close()
  })
})
