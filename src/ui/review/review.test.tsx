import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MargenDb } from '../../store/db'
import { createFakeConnector } from '../testing/fake-connector'
import { addCaptures, capture, renderApp, session, testDb } from '../testing/render-app'
import { Review } from './review'
import { at, backgroundLike, NOW, seedReview } from './review-seed'

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

function renderReview(sessionFilter: string | null = null, connector = createFakeConnector()) {
  const onShowAll = vi.fn()
  const r = renderApp(<Review session={sessionFilter} onShowAll={onShowAll} />, {
    db,
    now: NOW,
    connector,
  })
  return { ...r, onShowAll }
}

type Make = (db: MargenDb) => ReturnType<typeof createFakeConnector>

async function seeded(
  sessionFilter: string | null = null,
  make: Make = () => createFakeConnector(),
) {
  const s = await seedReview()
  db = s.db
  const r = renderReview(sessionFilter, make(db))
  await screen.findByText('10 notifications are waiting for you.')
  return { ...s, ...r }
}

const texts = (els: HTMLElement[]) => els.map((e) => e.textContent)
/** The list item (row) that shows `text`. */
const rowOf = (text: string) => screen.getByText(text).closest('li') as HTMLElement

describe('review page: grouping', () => {
  it('groups by client, then conversation, with bursts collapsed, and unknown senders last', async () => {
    await seeded()
    expect(texts(screen.getAllByRole('heading', { level: 2 }))).toEqual([
      'Acme',
      'Beta',
      'Marta unknown sender',
      '#ops unknown sender',
    ])
    expect(texts(screen.getAllByRole('heading', { level: 3 }))).toEqual([
      'Proyecto web',
      'Ana Ruiz',
      'Bruno',
    ])
    const acme = rowOf('Acme')
    expect(acme.textContent).toContain('6 notifications · 2 conversations')
    expect(rowOf('Proyecto web').textContent).toContain('WhatsApp · 2 messages')
    // In a group chat each message says who wrote it, once.
    const pedro = rowOf('¿Subimos la web hoy?')
    expect(within(pedro).getByText('Pedro')).toBeTruthy()
    expect(pedro.textContent).not.toContain('Pedro:')
    // Ana's four direct messages within minutes: one collapsed line.
    const burst = screen.getByRole('button', {
      name: /^Ana Ruiz · 4 messages · 10:02\sAM–10:09\sAM/,
    })
    expect(burst.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByText('¿Estás?')).toBeNull()
    // The burst shows its latest message, and that one of them is urgent; the done one and the
    // snoozed one are not listed.
    expect(within(burst.closest('li')!).getByText('Es urgente, el logo')).toBeTruthy()
    expect(within(burst.closest('li')!).getByText('urgent').title).toBe(
      'Contains the urgent keyword “urgente”',
    )
    expect(screen.queryByText('Old news')).toBeNull()
    expect(screen.queryByText('Ya lo miro luego')).toBeNull()
  })

  it('expands and collapses a burst', async () => {
    await seeded()
    const toggle = screen.getByRole('button', { name: /^Ana Ruiz · 4 messages/ })
    fireEvent.click(toggle)
    await screen.findByText('¿Estás?')
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    for (const body of ['Hola', '¿Estás?', 'Te paso el logo']) expect(rowOf(body)).toBeTruthy()
    fireEvent.click(toggle)
    await waitFor(() => expect(screen.queryByText('¿Estás?')).toBeNull())
  })

  it('shows reply-due times and marks overdue ones in words, not only colour', async () => {
    await seeded()
    expect(within(rowOf('Acme')).getByText(/^Overdue: reply was due 11:00\sAM$/)).toBeTruthy()
    expect(within(rowOf('¿Subimos la web hoy?')).getByText(/^Overdue/)).toBeTruthy()
    expect(within(rowOf('Presupuesto')).getByText(/^Reply by Wed 11:00\sAM$/)).toBeTruthy()
    // The burst's reply is due 2 h after its first message.
    const burst = screen.getByRole('button', { name: /^Ana Ruiz · 4 messages/ }).closest('li')!
    expect(within(burst).getByText(/^Reply by 12:02\sPM$/)).toBeTruthy()
    // No response time was agreed with an unknown sender.
    expect(within(rowOf('Factura de marzo')).queryByText(/Reply by|Overdue/)).toBeNull()
  })

  it('gives each row its place in the whole list', async () => {
    await seeded()
    const items = within(screen.getByRole('list', { name: 'Held notifications' })).getAllByRole(
      'listitem',
    )
    expect(items).toHaveLength(14)
    expect(items.map((li) => li.getAttribute('aria-posinset'))).toEqual(
      Array.from({ length: 14 }, (_, i) => String(i + 1)),
    )
    expect(items.every((li) => li.getAttribute('aria-setsize') === '14')).toBe(true)
  })
})

describe('review page: actions', () => {
  it('opens one item, or a burst at its latest message, and marks done', async () => {
    const { ids, connector } = await seeded()
    fireEvent.click(screen.getByRole('button', { name: 'Open: Presupuesto' }))
    fireEvent.click(screen.getByRole('button', { name: /^Open: Ana Ruiz · 4 messages/ }))
    fireEvent.click(screen.getByRole('button', { name: 'Mark done: Presupuesto' }))
    fireEvent.click(screen.getByRole('button', { name: /^Mark done: Ana Ruiz · 4 messages/ }))
    await waitFor(() => expect(connector.sent).toHaveLength(4))
    expect(connector.sent).toEqual([
      { type: 'ui/open-capture', id: ids.bruno },
      { type: 'ui/open-capture', id: ids.urgente },
      { type: 'ui/mark-done', ids: [ids.bruno] },
      { type: 'ui/mark-done', ids: [ids.hola, ids.estas, ids.logo, ids.urgente] },
    ])
  })

  it('marks a whole client done', async () => {
    const { ids, connector } = await seeded()
    fireEvent.click(screen.getByRole('button', { name: 'Mark all from Acme done' }))
    await waitFor(() =>
      expect(connector.sent).toEqual([
        {
          type: 'ui/mark-done',
          ids: [ids.pedro, ids.ana930, ids.hola, ids.estas, ids.logo, ids.urgente],
        },
      ]),
    )
  })

  it('marks everything shown done, after asking', async () => {
    const { db: d, connector } = await seeded(null, backgroundLike)
    fireEvent.click(screen.getByRole('button', { name: 'Mark all shown done' }))
    const yes = await screen.findByRole('button', { name: 'Mark done' })
    expect(screen.getByText('Mark 10 notifications done?')).toBeTruthy()
    expect(document.activeElement).toBe(yes)
    fireEvent.click(yes)
    await screen.findByText('All caught up. Nothing is waiting for you.')
    expect(connector.sent).toHaveLength(1)
    expect(connector.sent[0]).toMatchObject({ type: 'ui/mark-done' })
    // The snoozed one is not "shown": it stays held.
    expect((await d.captures.where('status').equals('held').toArray()).map((c) => c.body)).toEqual([
      'Ya lo miro luego',
    ])
  })

  it('snoozes through the background and says until when; the snoozed ones can be listed', async () => {
    const { ids, connector } = await seeded(null, (d) => backgroundLike(d, at(5, 9)))
    expect(screen.getByRole('button', { name: 'Snoozed (1)' }).getAttribute('aria-pressed')).toBe(
      'false',
    )
    fireEvent.click(
      screen.getByRole('button', { name: 'Snooze until the next open period: Presupuesto' }),
    )
    expect(await screen.findByText(/^Snoozed 1 notification until Wed 9:00\sAM\.$/)).toBeTruthy()
    expect(connector.sent).toEqual([{ type: 'ui/snooze', ids: [ids.bruno] }])
    await waitFor(() => expect(screen.queryByText('Presupuesto')).toBeNull())
    expect(await screen.findByText('9 notifications are waiting for you.')).toBeTruthy()

    const toggle = screen.getByRole('button', { name: 'Snoozed (2)' })
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(await screen.findByText('Presupuesto')).toBeTruthy()
    expect(within(rowOf('Presupuesto')).getByText(/^Back at Wed 9:00\sAM$/)).toBeTruthy()
    expect(within(rowOf('Ya lo miro luego')).getByText(/^Back at 1:00\sPM$/)).toBeTruthy()
    expect(screen.queryByText('Hola')).toBeNull()
    expect(screen.queryByRole('button', { name: /^Snooze (until|all)/ })).toBeNull()
  })

  it('sends "not urgent" for a claimed urgency', async () => {
    const { ids, connector } = await seeded()
    fireEvent.click(screen.getByRole('button', { name: /^Ana Ruiz · 4 messages/ }))
    fireEvent.click(await screen.findByRole('button', { name: 'Not urgent: Es urgente, el logo' }))
    await waitFor(() =>
      expect(connector.sent).toEqual([
        { type: 'ui/mark-not-urgent', ids: [ids.urgente], notUrgent: true },
      ]),
    )
    expect(screen.queryByRole('button', { name: 'Not urgent: Hola' })).toBeNull()
  })

  it('shows a refusal from the background', async () => {
    await seeded(null, () => createFakeConnector(() => ({ ok: false, error: 'nope' })))
    fireEvent.click(screen.getByRole('button', { name: 'Mark done: Presupuesto' }))
    expect((await screen.findByRole('alert')).textContent).toContain("That didn't work: nope")
  })
})

describe('review page: blocks and empty states', () => {
  it('shows one block when asked, and all on request', async () => {
    const s = await seedReview()
    db = s.db
    const { onShowAll } = renderReview('old')
    expect(await screen.findByText('Showing one block only.')).toBeTruthy()
    expect(screen.getByText('Factura de marzo')).toBeTruthy()
    expect(screen.queryByText('Presupuesto')).toBeNull()
    expect(screen.getByText('Showing 2 of 10.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Show all blocks' }))
    expect(await screen.findByText('Presupuesto')).toBeTruthy()
    expect(onShowAll).toHaveBeenCalledOnce()
  })

  it('says so when the chosen block has nothing left', async () => {
    const s = await seedReview()
    db = s.db
    renderReview('gone')
    expect(await screen.findByText('Nothing left from this block.')).toBeTruthy()
    expect(screen.queryByText('All caught up. Nothing is waiting for you.')).toBeNull()
  })

  it('has an empty state', async () => {
    db = testDb()
    renderReview()
    expect(await screen.findByText('All caught up. Nothing is waiting for you.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Mark all shown done' })).toBeNull()
  })

  it('renders a window of a thousand items, not all of them', { timeout: 15_000 }, async () => {
    db = testDb()
    await db.sessions.add(
      session({ id: 'big', startedAt: at(4, 8), endsAt: at(4, 11), endedAt: at(4, 11) }),
    )
    await addCaptures(
      db,
      Array.from({ length: 1000 }, (_, i) =>
        capture({
          at: at(4, 8) + i * 60_000,
          sessionId: 'big',
          sender: `Cliente ${i % 40}`,
          body: `Mensaje ${i}`,
        }),
      ),
    )
    renderReview()
    expect(
      await screen.findByText('1,000 notifications are waiting for you.', {}, { timeout: 5000 }),
    ).toBeTruthy()
    const items = screen.getAllByRole('listitem')
    expect(items.length).toBeGreaterThan(5)
    expect(items.length).toBeLessThan(60)
    // 40 senders, each a header and 25 messages (a minute apart from each other's: 40 min gaps).
    expect(items[0]?.getAttribute('aria-setsize')).toBe(String(40 + 1000))
  })
})
