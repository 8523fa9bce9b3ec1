import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { UiMsg } from '../../core/messages'
import type { MargenDb } from '../../store/db'
import { createFakeConnector } from '../testing/fake-connector'
import { addCaptures, capture, renderApp, session, testDb } from '../testing/render-app'
import { Review } from './review'

const at = (d: number, h: number, m: number) => new Date(2025, 2, d, h, m).getTime()
const NOW = at(4, 12, 0)

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

/** Two ended blocks: yesterday's with Luis, today's with Ana ×2 and #ops; plus one already done. */
async function seed() {
  db = testDb()
  await db.sessions.bulkAdd([
    session({ id: 'old', startedAt: at(3, 9, 0), endsAt: at(3, 10, 0), endedAt: at(3, 10, 0) }),
    session({ id: 'new', startedAt: at(4, 10, 0), endsAt: at(4, 11, 0), endedAt: at(4, 11, 0) }),
  ])
  const [luis, ana1, ops, ana2] = await addCaptures(db, [
    capture({ at: at(3, 9, 30), sessionId: 'old', sender: 'Luis', body: 'Quote for March' }),
    capture({
      at: at(4, 10, 5),
      sessionId: 'new',
      sender: 'Ana Ruiz',
      body: 'Can we move the call?',
    }),
    capture({
      at: at(4, 10, 20),
      sessionId: 'new',
      sender: '#ops',
      site: 'slack',
      body: 'Deploy done',
    }),
    capture({ at: at(4, 10, 40), sessionId: 'new', sender: 'Ana Ruiz', body: 'Invoice attached' }),
    capture({
      at: at(4, 10, 50),
      sessionId: 'new',
      sender: 'Ana Ruiz',
      status: 'done',
      body: 'Old news',
    }),
  ])
  return { luis: luis!, ana1: ana1!, ops: ops!, ana2: ana2! }
}

/** A fake background that does what the real one does to the database on mark-done. */
function backgroundLike() {
  return createFakeConnector(async (msg: UiMsg) => {
    if (msg.type === 'ui/mark-done')
      await db.captures.bulkUpdate(
        msg.ids.map((id) => ({ key: id, changes: { status: 'done' as const } })),
      )
    return { ok: true }
  })
}

function renderReview(sessionFilter: string | null = null, connector = createFakeConnector()) {
  const onShowAll = vi.fn()
  const r = renderApp(<Review session={sessionFilter} onShowAll={onShowAll} />, {
    db,
    now: NOW,
    connector,
  })
  return { ...r, onShowAll }
}

describe('review page', () => {
  it('lists held items, newest block first, grouped by sender', async () => {
    await seed()
    renderReview()
    expect(await screen.findByText('4 notifications are waiting for you.')).toBeTruthy()
    const sessions = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
    expect(sessions).toEqual([
      expect.stringMatching(/^Tuesday, March 4, 10:00\sAM–11:00\sAM/),
      expect.stringMatching(/^Monday, March 3, 9:00\sAM–10:00\sAM/),
    ])
    const senders = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    expect(senders).toEqual([
      'Ana RuizGmail · 2 notifications',
      '#opsSlack · 1 notification',
      'LuisGmail · 1 notification',
    ])
    expect(screen.queryByText('Old news')).toBeNull()
  })

  it('sends open-capture and mark-done for one item', async () => {
    const { ana2 } = await seed()
    const { connector } = renderReview()
    const ana = await screen.findByRole('region', { name: /Ana Ruiz/ })
    const item = within(ana).getByText('Invoice attached').closest('li')!
    fireEvent.click(within(item).getByRole('button', { name: 'Open: Invoice attached' }))
    await waitFor(() => expect(connector.sent).toEqual([{ type: 'ui/open-capture', id: ana2 }]))
    fireEvent.click(within(item).getByRole('button', { name: 'Mark done: Invoice attached' }))
    await waitFor(() => expect(connector.sent[1]).toEqual({ type: 'ui/mark-done', ids: [ana2] }))
  })

  it('marks a whole group done', async () => {
    const { ana1, ana2 } = await seed()
    const { connector } = renderReview()
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all from Ana Ruiz done' }))
    await waitFor(() =>
      expect(connector.sent).toEqual([{ type: 'ui/mark-done', ids: [ana2, ana1] }]),
    )
  })

  it('drops done items as the database changes, and keeps keyboard focus on the list', async () => {
    const { ana1 } = await seed()
    renderReview(null, backgroundLike())
    const done = await screen.findByRole('button', { name: 'Mark all from Ana Ruiz done' })
    done.focus()
    fireEvent.click(done)
    await waitFor(() => expect(screen.queryByText('Invoice attached')).toBeNull())
    expect(await screen.findByText('2 notifications are waiting for you.')).toBeTruthy()
    expect(await db.captures.get(ana1)).toMatchObject({ status: 'done' })
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe('#opsSlack · 1 notification'),
    )
  })

  it('shows one block when asked, and all on request', async () => {
    await seed()
    const { onShowAll } = renderReview('old')
    expect(await screen.findByText('Showing one block only.')).toBeTruthy()
    expect(screen.getByText('Quote for March')).toBeTruthy()
    expect(screen.queryByText('Invoice attached')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Show all blocks' }))
    expect(await screen.findByText('Invoice attached')).toBeTruthy()
    expect(onShowAll).toHaveBeenCalledOnce()
  })

  it('says so when the chosen block has nothing left', async () => {
    await seed()
    renderReview('gone')
    expect(await screen.findByText('Nothing left from this block.')).toBeTruthy()
  })

  it('has an empty state', async () => {
    db = testDb()
    renderReview()
    expect(await screen.findByText('All caught up. Nothing is waiting for you.')).toBeTruthy()
  })

  it('labels items held outside any block', async () => {
    db = testDb()
    await addCaptures(db, [capture({ at: at(4, 8, 0), sessionId: '', sender: 'Marta' })])
    renderReview()
    expect(await screen.findByRole('heading', { name: /^Outside a focus block/ })).toBeTruthy()
  })

  it('stays usable with a thousand items', { timeout: 15_000 }, async () => {
    db = testDb()
    await db.sessions.add(
      session({ id: 'big', startedAt: at(4, 8, 0), endsAt: at(4, 11, 0), endedAt: at(4, 11, 0) }),
    )
    await addCaptures(
      db,
      Array.from({ length: 1000 }, (_, i) =>
        capture({
          at: at(4, 8, 0) + i * 1000,
          sessionId: 'big',
          sender: `Client ${i % 40}`,
          body: `Message ${i}`,
        }),
      ),
    )
    renderReview()
    expect(
      await screen.findByText('1,000 notifications are waiting for you.', {}, { timeout: 5000 }),
    ).toBeTruthy()
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(40)
  })
})
