import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { rulesWith, testClient } from '../../core/clients/testing'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import { markNotUrgent } from '../../store/clients'
import type { MargenDb } from '../../store/db'
import { addCaptures, capture, renderApp, testDb } from '../testing/render-app'
import { InsightsPage } from './insights'

// Local wall times (the page reads the local zone): Wednesday 2026-05-13, 15:00.
const at = (d: number, h: number, m = 0) => new Date(2026, 4, d, h, m).getTime()
const NOW = at(13, 15)

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  rules: rulesWith({ clients: [testClient('acme'), testClient('beta')] }),
  history: { retentionDays: 30, interruptionMinutes: 20 },
}

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

const acme = { clientId: 'acme', sender: 'Ana Ruiz' }
const claim = { verdict: 'deliver' as const, reason: 'urgent-keyword' as const, urgent: 1 as const }

/**
 * Today: Ana (Acme) held three times, 4 minutes apart (one episode), and one breakthrough marked
 * not urgent. Yesterday: another Acme breakthrough. Two days ago: an unknown WhatsApp sender held
 * twice, hours apart (two episodes). Beta delivered outside a block. 40 days ago: one capture,
 * only in the 90-day view.
 */
async function seed(over: Partial<Settings> = {}) {
  db = testDb()
  await db.kv.put({ key: 'settings', value: { ...settings, ...over } })
  return addCaptures(db, [
    capture({ at: at(13, 9, 0), sessionId: 's', ...acme }),
    capture({ at: at(13, 9, 4), sessionId: 's', ...acme }),
    capture({ at: at(13, 9, 8), sessionId: 's', ...acme }),
    capture({ at: at(13, 10), sessionId: 's', ...acme, ...claim, notUrgent: 1 }),
    capture({ at: at(12, 11), sessionId: 's2', ...acme, ...claim }),
    capture({ at: at(11, 10), sessionId: 's3', sender: '+34 600', site: 'whatsapp' }),
    capture({ at: at(11, 16), sessionId: 's3', sender: '+34 600', site: 'whatsapp' }),
    capture({
      at: at(13, 14),
      sessionId: '',
      sender: 'Bo',
      clientId: 'beta',
      verdict: 'deliver',
      reason: 'open',
    }),
    capture({ at: at(13, 14) - 40 * 86_400_000, sessionId: '', sender: 'Old' }),
  ])
}

const stat = (label: string) =>
  screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent
const table = (name: string) => screen.getByRole('table', { name })
const bodyRows = (t: HTMLElement) =>
  within(t)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole(/cell|rowheader/)
        .map((c) => c.textContent),
    )

const render = () =>
  renderApp(<InsightsPage initial={{ days: 30, granularity: 'day' }} />, { db, now: NOW })

describe('insights page', () => {
  it('shows the period in numbers, with the focus estimate labelled as one', async () => {
    await seed()
    render()
    await screen.findByText('Captures', { selector: 'dt' })
    expect(stat('Captures')).toBe('8')
    expect(stat('Held')).toBe('5')
    expect(stat('Delivered')).toBe('3')
    expect(stat('Breakthroughs')).toBe('2')
    expect(stat('Held episodes')).toBe('3')
    expect(screen.getByText('Focus time protected (estimate)')).toBeTruthy()
    expect(screen.getByText('1 h 0 min')).toBeTruthy()
    expect(
      screen.getByText(/Estimate: 3 held episodes × 20 min per interruption\./).textContent,
    ).toContain('Estimate')
    const link = screen.getByRole('link', { name: /Where the minutes come from/ })
    expect(link.getAttribute('href')).toBe('../options/index.html#data')
  })

  it('has every chart as a canvas image with a summary, and its numbers as a table', async () => {
    await seed()
    render()
    const days = await screen.findByRole('table', { name: 'Captures per day' })
    const rows = bodyRows(days)
    expect(rows).toHaveLength(30)
    // Today is the last row: 5 captures, 3 held, 2 delivered, 1 breakthrough, 1 episode.
    expect(rows.at(-1)?.slice(1)).toEqual(['5', '3', '2', '1', '1'])
    expect(rows.at(-3)?.slice(1)).toEqual(['2', '2', '0', '0', '2'])

    const images = screen.getAllByRole('img')
    expect(images.map((i) => i.tagName)).toEqual(['CANVAS', 'CANVAS', 'CANVAS', 'CANVAS'])
    expect(images[0]?.getAttribute('aria-label')).toMatch(
      /^Captures per day: 8 in total, the most on .+ \(5\)\.$/,
    )
    expect(images[1]?.getAttribute('aria-label')).toBe(
      'Clients who interrupt most, most captures first: Acme 5, No client 2, Beta 1.',
    )
    // happy-dom has no 2D context: no chart, and nothing else breaks.
    await waitFor(() =>
      expect(images.map((i) => i.getAttribute('data-chart'))).toEqual(Array(4).fill('unavailable')),
    )
  })

  it('shows a table on request, and keeps it for screen readers before that', async () => {
    await seed()
    render()
    const days = await screen.findByRole('table', { name: 'Captures per day' })
    const wrap = days.parentElement!
    expect(wrap.className).toBe('visually-hidden')
    const [toggle] = screen.getAllByRole('button', { name: 'Show numbers as a table' })
    expect(toggle?.getAttribute('aria-pressed')).toBe('false')
    expect(toggle?.getAttribute('aria-controls')).toBe(wrap.id)
    fireEvent.click(toggle!)
    expect(toggle?.getAttribute('aria-pressed')).toBe('true')
    expect(wrap.className).not.toContain('visually-hidden')
  })

  it('ranks clients (unknown senders as "No client") and sites', async () => {
    await seed()
    render()
    const clients = await screen.findByRole('table', { name: 'Clients who interrupt most' })
    expect(bodyRows(clients)).toEqual([
      ['Acme', '5', '3', '2', '2'],
      ['No client', '2', '2', '0', '0'],
      ['Beta', '1', '0', '0', '1'],
    ])
    expect(bodyRows(table('Sites that interrupt most')).map((r) => r[0])).toEqual([
      'Gmail',
      'WhatsApp',
    ])
  })

  it('counts the heatmap in local weekdays and hours', async () => {
    await seed()
    render()
    const heat = await screen.findByRole('table', { name: 'When interruptions come' })
    const rows = bodyRows(heat)
    expect(rows.map((r) => r[0])).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
    // Wednesday the 13th: 09:00 ×3, 10:00, 14:00.
    const wed = rows[2]!.slice(1)
    expect([wed[9], wed[10], wed[14]]).toEqual(['3', '1', '1'])
  })

  it('keeps the cry-wolf ratio per client and follows "not urgent" marks live', async () => {
    const ids = await seed()
    render()
    const wolf = await screen.findByRole('table', { name: 'Crying wolf' })
    expect(bodyRows(wolf)).toEqual([['Acme', '2', '1', '50%']])
    await markNotUrgent(db, [ids[4]!], true)
    await waitFor(() =>
      expect(bodyRows(table('Crying wolf'))).toEqual([['Acme', '2', '2', '100%']]),
    )
  })

  it('switches to 90 days (saying what history is kept) and to weeks', async () => {
    await seed()
    render()
    await screen.findByText('Captures', { selector: 'dt' })
    expect(screen.queryByText(/Margen keeps 30 days of history/)).toBeNull()
    fireEvent.click(screen.getByRole('radio', { name: '90 days' }))
    await waitFor(() => expect(stat('Captures')).toBe('9'))
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false')
    expect(screen.getByText(/Margen keeps 30 days of history/)).toBeTruthy()
    expect(screen.getByText('The last 90 days, today included.')).toBeTruthy()

    fireEvent.click(screen.getByRole('radio', { name: 'Per week' }))
    const weeks = await screen.findByRole('table', { name: 'Captures per week (Monday to Sunday)' })
    const rows = bodyRows(weeks)
    // 90 days up to a Wednesday: a cut first week, 12 whole weeks, and this week's 3 days.
    expect(rows).toHaveLength(14)
    expect(rows.at(-1)?.[0]).toMatch(/^May 11\s?–\s?13$/)
    expect(rows.at(-1)?.[1]).toBe('8')
    expect(rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(9)
  })

  it('says so when the period is empty', async () => {
    db = testDb()
    render()
    await screen.findByText('Nothing was captured in the last 30 days.')
    expect(stat('Captures')).toBe('0')
    expect(screen.getByText('No claimed urgencies in this period.')).toBeTruthy()
  })
})
