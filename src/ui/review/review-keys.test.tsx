import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MargenDb } from '../../store/db'
import { createFakeConnector, type FakeConnector } from '../testing/fake-connector'
import { renderApp } from '../testing/render-app'
import { Review } from './review'
import { backgroundLike, NOW, seedReview } from './review-seed'

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

async function seeded(make: (db: MargenDb) => FakeConnector = () => createFakeConnector()) {
  const s = await seedReview()
  db = s.db
  const r = renderApp(<Review session={null} onShowAll={vi.fn()} />, {
    db,
    now: NOW,
    connector: make(db),
  })
  await screen.findByText('10 notifications are waiting for you.')
  return { ...s, ...r }
}

const press = (key: string, init: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init })
const active = () => document.activeElement as HTMLElement
const onRow = (text: string) => active().tagName === 'LI' && !!active().textContent?.includes(text)
/** Moves the cursor to the first row, then down until its row says `text`. */
function goTo(text: string) {
  press('Home')
  for (let i = 0; i < 20 && !onRow(text); i++) press('j')
  expect(onRow(text)).toBe(true)
}

describe('review page: keyboard shortcuts', () => {
  it('moves through the rows with j/k and the arrows, focusing each', async () => {
    await seeded()
    press('j')
    expect(active().getAttribute('aria-posinset')).toBe('1')
    expect(active().textContent).toContain('Acme')
    expect(active().classList.contains('rq-active')).toBe(true)
    expect(active().getAttribute('aria-current')).toBe('true')
    press('j')
    press('ArrowDown')
    expect(active().textContent).toContain('¿Subimos la web hoy?')
    press('k')
    expect(active().textContent).toContain('Proyecto web')
    press('End')
    expect(active().textContent).toContain('Deploy hecho')
    press('Home')
    expect(active().getAttribute('aria-posinset')).toBe('1')
    // One tab stop for the list: the active row.
    expect(screen.getAllByRole('listitem').filter((li) => li.tabIndex === 0)).toEqual([active()])
  })

  it('acts on the active row: o opens, d marks done, Shift+D the group, s snoozes, n not urgent', async () => {
    const { ids, connector } = await seeded()
    goTo('Presupuesto')
    press('o')
    press('Enter')
    press('d')
    press('s')
    press('D', { shiftKey: true })
    await waitFor(() => expect(connector.sent).toHaveLength(5))
    expect(connector.sent).toEqual([
      { type: 'ui/open-capture', id: ids.bruno },
      { type: 'ui/open-capture', id: ids.bruno },
      { type: 'ui/mark-done', ids: [ids.bruno] },
      { type: 'ui/snooze', ids: [ids.bruno] },
      { type: 'ui/mark-done', ids: [ids.bruno] },
    ])
    goTo('Ana Ruiz · 4 messages')
    press('n')
    await waitFor(() =>
      expect(connector.sent[5]).toEqual({
        type: 'ui/mark-not-urgent',
        ids: [ids.urgente],
        notUrgent: true,
      }),
    )
  })

  it('expands a burst with →, and ← from inside it collapses it back to its row', async () => {
    await seeded()
    goTo('Ana Ruiz · 4 messages')
    press('ArrowRight')
    await screen.findByText('¿Estás?')
    press('j')
    press('j')
    expect(active().textContent).toContain('¿Estás?')
    press('ArrowLeft')
    await waitFor(() => expect(screen.queryByText('¿Estás?')).toBeNull())
    await waitFor(() => expect(active().textContent).toContain('Ana Ruiz · 4 messages'))
  })

  it('leaves Enter to a focused button, and letters to form controls', async () => {
    const { connector } = await seeded()
    const open = screen.getByRole('button', { name: 'Open: Presupuesto' })
    open.focus()
    press('Enter')
    fireEvent.keyDown(screen.getByLabelText('From'), { key: 'd' })
    fireEvent.keyDown(screen.getByLabelText('Client'), { key: 'j' })
    await new Promise((r) => setTimeout(r, 50))
    expect(connector.sent).toEqual([])
    // Letters still work from a button.
    press('d')
    await waitFor(() => expect(connector.sent).toHaveLength(1))
  })

  it('ignores shortcuts with Ctrl or Meta', async () => {
    const { connector } = await seeded()
    goTo('Presupuesto')
    press('d', { ctrlKey: true })
    press('d', { metaKey: true })
    await new Promise((r) => setTimeout(r, 50))
    expect(connector.sent).toEqual([])
  })

  it('lists the shortcuts on ? and on the visible button, and gives focus back', async () => {
    await seeded()
    const button = screen.getByRole('button', { name: /^Keyboard shortcuts/ })
    button.focus()
    fireEvent.click(button)
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(within(dialog).getByText('Mark everything from this client or sender done')).toBeTruthy()
    expect(within(dialog).getByText('Shift+D')).toBeTruthy()
    // Shortcuts do not act behind the dialog.
    press('j')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(active()).toBe(button)
    press('?')
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy()
  })

  it('goes to the filters on /', async () => {
    await seeded()
    press('/')
    expect(active()).toBe(screen.getByLabelText('Client'))
  })

  it('moves focus to the next row when the active one goes away', async () => {
    await seeded(backgroundLike)
    goTo('Presupuesto')
    press('d')
    // Beta had one message: its header goes with it, and the cursor lands on the next group.
    await waitFor(() => expect(screen.queryByText('Presupuesto')).toBeNull())
    await waitFor(() => expect(active().textContent).toContain('Marta'))
    expect(active().tagName).toBe('LI')
    press('d')
    await waitFor(() => expect(screen.queryByText('Factura de marzo')).toBeNull())
    await waitFor(() => expect(active().textContent).toContain('#ops'))
  })

  it("moves focus on when a row's button removed it", async () => {
    await seeded(backgroundLike)
    const done = screen.getByRole('button', { name: 'Mark all from Beta done' })
    done.focus()
    fireEvent.click(done)
    await waitFor(() => expect(screen.queryByText('Presupuesto')).toBeNull())
    await waitFor(() => expect(active().textContent).toContain('Marta'))
  })
})
