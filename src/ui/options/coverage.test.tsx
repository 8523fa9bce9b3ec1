import { cleanup, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import { SITES } from '../../core/sites'
import type { MargenDb } from '../../store/db'
import { addCaptures, capture, renderApp, testDb } from '../testing/render-app'
import { Coverage } from './coverage'

const at = (d: number, h: number, m: number) => new Date(2025, 2, d, h, m).getTime()
const NOW = at(4, 12, 0)

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

async function seed() {
  db = testDb()
  const settings: Settings = { ...DEFAULT_SETTINGS, unwatched: ['discord'] }
  await db.kv.put({ key: 'settings', value: settings })
  await addCaptures(db, [
    capture({ at: at(3, 9, 0), sessionId: '', sender: 'Ana' }),
    capture({ at: at(4, 10, 5), sessionId: '', sender: 'Luis' }),
    capture({ at: at(4, 9, 0), sessionId: '', sender: '#ops', site: 'slack' }),
  ])
  await db.counters.bulkPut([
    { key: 'parser:generic:gmail', value: 2 },
    { key: 'passed:unwatched-site', value: 7 },
    { key: 'dropped:page:badShape', value: 2 },
    { key: 'dropped:page:notString', value: 1 },
  ])
}

const rowOf = (label: string) =>
  screen.getByRole('rowheader', { name: label }).closest('tr') as HTMLElement
const cells = (label: string) =>
  within(rowOf(label))
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('coverage', () => {
  it('shows, per built-in site, whether it is watched, what was seen and when', async () => {
    await seed()
    renderApp(<Coverage />, { db, now: NOW })
    const table = await screen.findByRole('table', { name: 'Notifications seen per site' })
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(headers).toEqual([
      'Site',
      'Watched',
      'Seen',
      'Last one',
      'Generic reading',
      'Known limits',
    ])
    expect(within(table).getAllByRole('rowheader')).toHaveLength(SITES.length)

    expect(cells('Gmail')).toEqual([
      'Yes',
      '2',
      expect.stringMatching(/^Mar 4, 10:05\sAM$/),
      '2',
      '—',
    ])
    expect(cells('Slack').slice(0, 3)).toEqual(['Yes', '1', expect.stringMatching(/9:00/)])
    expect(cells('Discord').slice(0, 4)).toEqual(['No', '0', 'Never', '—'])
  })

  it('states the known limits where SITES.md names them, and for every site', async () => {
    await seed()
    renderApp(<Coverage />, { db, now: NOW })
    await screen.findByRole('table')
    expect(cells('Telegram')[4]).toMatch(/Web A .* own service worker.*keep it open in a tab/)
    expect(cells('Microsoft Teams')[4]).toMatch(/Keep Teams open in a tab/)
    expect(cells('WhatsApp')[4]).toMatch(/Keep it open in a tab/)
    // Under the table, once for every site: what is held, and what no extension sees.
    expect(
      screen.getByText(
        /^On every site, Margen holds what the page, its frames and its pop-ups show\. No extension can see .* service worker shows from a push message, or that a dedicated or shared worker creates\. Keep your sites open in a tab\.$/,
      ),
    ).toBeTruthy()
    expect(
      screen.getByText(
        "3 malformed messages on Margen's private channel with a page were refused.",
      ),
    ).toBeTruthy()
    expect(
      screen.getByText("7 notifications from sites you don't watch passed unrecorded."),
    ).toBeTruthy()
  })

  it('updates as captures arrive', async () => {
    await seed()
    renderApp(<Coverage />, { db, now: NOW })
    await screen.findByRole('table')
    expect(cells('Proton Mail')[1]).toBe('0')
    await addCaptures(db, [
      capture({ at: at(4, 11, 30), sessionId: '', sender: 'Eva', site: 'proton' }),
    ])
    await waitFor(() => expect(cells('Proton Mail')[1]).toBe('1'))
  })
})
