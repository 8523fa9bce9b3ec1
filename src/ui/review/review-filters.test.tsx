import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MargenDb } from '../../store/db'
import { createFakeConnector } from '../testing/fake-connector'
import { renderApp } from '../testing/render-app'
import { Review } from './review'
import { NOW, seedReview } from './review-seed'

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

async function seeded() {
  const s = await seedReview()
  db = s.db
  const r = renderApp(<Review session={null} onShowAll={vi.fn()} />, {
    db,
    now: NOW,
    connector: createFakeConnector(),
  })
  await screen.findByText('10 notifications are waiting for you.')
  return { ...s, ...r }
}

const groups = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
const day = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } })

describe('review page: filters', () => {
  it('offers the clients and sites that have something waiting, with counts', async () => {
    await seeded()
    const options = (label: string) =>
      within(screen.getByLabelText(label))
        .getAllByRole('option')
        .map((o) => o.textContent)
    expect(options('Client')).toEqual([
      'All clients',
      'Acme (6)',
      'Beta (1)',
      'Unknown senders (3)',
    ])
    expect(options('Site')).toEqual(['All sites', 'Gmail (7)', 'WhatsApp (2)', 'Slack (1)'])
    expect(screen.getByRole('group', { name: 'Filters' })).toBeTruthy()
  })

  it('narrows to one client, or to unknown senders, and says how many are shown', async () => {
    await seeded()
    choose('Client', 'acme')
    await waitFor(() => expect(groups()).toEqual(['Acme']))
    expect(screen.getByText('Showing 6 of 10.')).toBeTruthy()
    // The headline still counts everything waiting.
    expect(screen.getByText('10 notifications are waiting for you.')).toBeTruthy()
    choose('Client', '~unknown')
    await waitFor(() => expect(groups()).toEqual(['Marta unknown sender', '#ops unknown sender']))
    expect(screen.getByText('Showing 3 of 10.')).toBeTruthy()
  })

  it('narrows to one site', async () => {
    await seeded()
    choose('Site', 'whatsapp')
    await waitFor(() => expect(groups()).toEqual(['Acme']))
    expect(screen.getByText('Proyecto web')).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Ana Ruiz' })).toBeNull()
    expect(screen.getByText('Showing 2 of 10.')).toBeTruthy()
  })

  it('narrows to a range of days, and clears the filters', async () => {
    await seeded()
    day('From', '2025-03-05')
    expect(await screen.findByText('Nothing waiting matches these filters.')).toBeTruthy()
    expect(screen.getByText('Showing 0 of 10.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Mark all shown done' })).toBeNull()
    day('From', '2025-03-04')
    day('To', '2025-03-04')
    await waitFor(() => expect(groups()).toHaveLength(4))
    const clear = screen.getAllByRole('button', { name: 'Clear filters' })
    fireEvent.click(clear[0] as HTMLElement)
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull())
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('')
  })

  it('marks only what the filters show done', async () => {
    const { ids, connector } = await seeded()
    choose('Client', 'beta')
    await waitFor(() => expect(groups()).toEqual(['Beta']))
    fireEvent.click(screen.getByRole('button', { name: 'Mark all shown done' }))
    expect(screen.getByText('Mark 1 notification done?')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Mark done' }))
    await waitFor(() =>
      expect(connector.sent).toEqual([{ type: 'ui/mark-done', ids: [ids.bruno] }]),
    )
  })

  it('can take the question back', async () => {
    const { connector } = await seeded()
    const ask = screen.getByRole('button', { name: 'Mark all shown done' })
    fireEvent.click(ask)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    const again = await screen.findByRole('button', { name: 'Mark all shown done' })
    await waitFor(() => expect(document.activeElement).toBe(again))
    expect(connector.sent).toEqual([])
  })
})
