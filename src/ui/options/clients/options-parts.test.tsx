import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../core/settings'
import type { MargenDb } from '../../../store/db'
import { renderApp, testDb } from '../../testing/render-app'
import { Options } from '../options'

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

async function setup() {
  db = testDb()
  await db.kv.put({ key: 'settings', value: DEFAULT_SETTINGS })
  const r = renderApp(<Options />, { db, now: Date.UTC(2025, 2, 3, 10) })
  await screen.findByRole('heading', { name: 'Your clients' })
  return r
}

describe('options page parts', () => {
  it('links to its four parts from a labelled nav', async () => {
    await setup()
    const nav = screen.getByRole('navigation', { name: 'Settings sections' })
    const links = within(nav).getAllByRole('link')
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Schedule', '#schedule'],
      ['Clients', '#clients'],
      ['Sites', '#sites'],
      ['History and data', '#data'],
    ])
    for (const [name, id] of [
      ['Schedule', 'schedule'],
      ['Clients', 'clients'],
      ['Sites', 'sites'],
      ['History and data', 'data'],
    ]) {
      const part = screen.getByRole('region', { name })
      expect(part.id).toBe(id)
    }
    const clients = screen.getByRole('region', { name: 'Clients' })
    expect(within(clients).getByRole('button', { name: 'Save clients' })).toBeTruthy()
    const sites = screen.getByRole('region', { name: 'Sites' })
    expect(within(sites).getByRole('heading', { name: 'Margen watches these sites' })).toBeTruthy()
  })

  it('keeps the schedule and the clients in separate forms', async () => {
    const { connector } = await setup()
    fireEvent.click(screen.getByRole('button', { name: 'Add a client' }))
    fireEvent.input(await screen.findByRole('textbox', { name: 'Name' }), {
      target: { value: 'Acme' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    // The schedule's save sends the stored rules, not the clients draft.
    expect(connector.sent[0]).toMatchObject({
      type: 'ui/settings-save',
      settings: { rules: DEFAULT_SETTINGS.rules },
    })
  })
})
