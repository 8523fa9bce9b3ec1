import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MargenDb } from '../../store/db'
import { createFakeConnector } from '../testing/fake-connector'
import { addCaptures, capture, renderApp, session, testDb } from '../testing/render-app'
import { POPUP_GROUPS, Popup } from './popup'

const at = (h: number, m: number) => new Date(2025, 2, 3, h, m).getTime()
const NOW = at(11, 17)

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

function setup(connector = createFakeConnector(), now = NOW) {
  db = testDb()
  const openReview = vi.fn()
  const r = renderApp(<Popup openReview={openReview} openOptions={vi.fn()} />, {
    db,
    now,
    connector,
  })
  return { ...r, openReview }
}

describe('popup, idle', () => {
  it.each([25, 50, 90])('shows the open state and starts a block of %i min', async (minutes) => {
    const { connector } = setup()
    expect(await screen.findByText('Open — notifications pass through')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: `Focus ${minutes} min` }))
    await waitFor(() => expect(connector.sent).toEqual([{ type: 'ui/focus-start', minutes }]))
  })

  it('ignores more clicks while a start is under way', async () => {
    let answer: () => void = () => undefined
    const connector = createFakeConnector(
      () => new Promise((done) => (answer = () => done({ ok: true }))),
    )
    setup(connector)
    fireEvent.click(await screen.findByRole('button', { name: 'Focus 25 min' }))
    fireEvent.click(screen.getByRole('button', { name: 'Focus 50 min' }))
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    answer()
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Focus 50 min' }).disabled).toBe(
        false,
      ),
    )
  })

  it('starts a block until a chosen time', async () => {
    const { connector } = setup()
    const input = await screen.findByLabelText('Or focus until')
    const start = screen.getByRole('button', { name: 'Focus until the chosen time' })

    fireEvent.click(start)
    expect(await screen.findByText('Pick a time first.')).toBeTruthy()

    fireEvent.input(input, { target: { value: '13:30' } })
    fireEvent.click(start)
    await waitFor(() =>
      expect(connector.sent).toEqual([{ type: 'ui/focus-start', until: at(13, 30) }]),
    )
  })

  it('takes a time earlier than now as tomorrow, and says so', async () => {
    const { connector } = setup(createFakeConnector(), at(22, 0))
    fireEvent.input(await screen.findByLabelText('Or focus until'), { target: { value: '06:00' } })
    expect(screen.getByText(/^That's tomorrow at 6:00\sAM\.$/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Focus until the chosen time' }))
    const tomorrow = new Date(2025, 2, 4, 6, 0).getTime()
    await waitFor(() =>
      expect(connector.sent).toEqual([{ type: 'ui/focus-start', until: tomorrow }]),
    )
  })

  it('refuses an end time more than 12 hours away without sending', async () => {
    const { connector } = setup()
    fireEvent.input(await screen.findByLabelText('Or focus until'), { target: { value: '23:30' } })
    fireEvent.click(screen.getByRole('button', { name: 'Focus until the chosen time' }))
    expect(await screen.findByText(/at most 12 hours/)).toBeTruthy()
    expect(connector.sent).toEqual([])
  })

  it('lists what the last block held, and says when nothing waits', async () => {
    setup()
    expect(await screen.findByText('Nothing is waiting for you.')).toBeTruthy()
    await db.sessions.add(
      session({ id: 'last', startedAt: at(9, 0), endsAt: at(10, 0), endedAt: at(10, 0) }),
    )
    await addCaptures(db, [capture({ at: at(9, 30), sessionId: 'last', sender: 'Ana Ruiz' })])
    expect(await screen.findByRole('heading', { name: 'Held in your last block' })).toBeTruthy()
    expect(await screen.findByText('Ana Ruiz')).toBeTruthy()
  })

  it('shows a refusal from the background', async () => {
    setup(createFakeConnector(() => ({ ok: false, error: 'storage is full' })))
    fireEvent.click(await screen.findByRole('button', { name: 'Focus 25 min' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      "That didn't work: storage is full",
    )
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(''))
  })

  it('opens the review page', async () => {
    const { openReview } = setup()
    fireEvent.click(await screen.findByRole('button', { name: 'Review held notifications' }))
    expect(openReview).toHaveBeenCalledOnce()
  })
})

describe('popup, focusing', () => {
  async function focusing() {
    const r = setup()
    await db.sessions.add(
      session({
        id: 's1',
        state: 'active',
        startedAt: at(10, 50),
        endsAt: at(11, 40),
        endedAt: 0,
        endReason: '',
      }),
    )
    return r
  }

  it('shows the end time and the time left', async () => {
    await focusing()
    const state = await screen.findByText(/^Focus until/)
    expect(state.textContent).toMatch(/^Focus until 11:40\sAM · 23 min left$/)
    expect(state.querySelector('time')?.getAttribute('datetime')).toBe(
      new Date(at(11, 40)).toISOString(),
    )
    expect(screen.queryByRole('button', { name: 'Focus 25 min' })).toBeNull()
  })

  it('ends and extends the block', async () => {
    const { connector } = await focusing()
    fireEvent.click(await screen.findByRole('button', { name: 'End now' }))
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    fireEvent.click(screen.getByRole('button', { name: 'Add 15 minutes' }))
    await waitFor(() =>
      expect(connector.sent).toEqual([
        { type: 'ui/focus-end' },
        { type: 'ui/focus-extend', minutes: 15 },
      ]),
    )
  })

  it('groups held items by sender with counts, and expands a group', async () => {
    await focusing()
    await addCaptures(db, [
      capture({
        at: at(11, 0),
        sessionId: 's1',
        sender: 'Ana Ruiz',
        body: 'Can we move the call?',
      }),
      capture({ at: at(11, 5), sessionId: 's1', sender: '#ops', site: 'slack' }),
      capture({ at: at(11, 10), sessionId: 's1', sender: 'Ana Ruiz', body: 'Invoice attached' }),
      capture({ at: at(11, 12), sessionId: 's1', sender: 'Ana Ruiz', status: 'done' }),
      capture({ at: at(11, 15), sessionId: 'other', sender: 'Luis' }),
    ])
    expect(await screen.findByRole('heading', { name: 'Held in this block' })).toBeTruthy()
    const ana = await screen.findByRole('button', { name: /Ana Ruiz/ })
    expect(ana.textContent).toContain('2 notifications')
    expect(ana.textContent).toContain('Gmail')
    expect(ana.textContent).toContain('latest 11:10')
    const ops = screen.getByRole('button', { name: /#ops/ })
    expect(ops.textContent).toContain('1 notification')
    expect(ops.textContent).toContain('Slack')
    expect(screen.queryByText('Luis')).toBeNull()

    expect(ana.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(ana)
    const list = await screen.findByRole('list', { name: 'Notifications from Ana Ruiz' })
    const items = within(list).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Invoice attached'),
      expect.stringContaining('Can we move the call?'),
    ])
    expect(ana.getAttribute('aria-expanded')).toBe('true')
  })

  it(`lists the ${POPUP_GROUPS} busiest senders and says how many more the review page has`, async () => {
    await focusing()
    const senders = Array.from({ length: POPUP_GROUPS + 3 }, (_, i) => `Sender ${i}`)
    await addCaptures(
      db,
      senders.flatMap((sender, i) =>
        // Sender i has i + 1 items: the last ones are the busiest.
        Array.from({ length: i + 1 }, (_, k) =>
          capture({ at: at(11, k), sessionId: 's1', sender, senderKey: `gmail:${sender}` }),
        ),
      ),
    )
    await screen.findByText('3 more senders on the review page')
    const shown = [...document.querySelectorAll('ul.groups > li > button')].map(
      (b) => b.querySelector('.sender')?.textContent,
    )
    expect(shown).toEqual(senders.slice(3).reverse())
    expect(screen.getByText('3 more senders on the review page')).toBeTruthy()
  })
})

describe('popup, schedule', () => {
  const hm = (h: number) => h * 60
  const nine = { start: hm(9), end: hm(18) }
  const settings = {
    version: 1,
    schedule: {
      blocks: [
        { id: 'bo', label: 'Backoffice', days: [1], start: hm(10), end: hm(12) },
        { id: 'calls', label: 'Calls', days: [1], start: hm(15), end: hm(16) },
      ],
      workingHours: [null, nine, nine, nine, nine, nine, null],
      offHours: false,
    },
  }

  it('when open, names the next block and its time', async () => {
    setup(createFakeConnector(), at(12, 30))
    await db.kv.put({ key: 'settings', value: settings })
    const next = await screen.findByText(/^Next block at/)
    expect(next.textContent).toMatch(/^Next block at 3:00\sPM \(Calls\)$/)
  })

  it('during a block, shows its label, then when it opens until', async () => {
    setup()
    await db.kv.put({ key: 'settings', value: settings })
    await db.sessions.add(
      session({
        id: 'bo@2025-03-03',
        kind: 'block',
        label: 'Backoffice',
        state: 'active',
        startedAt: at(10, 0),
        endsAt: at(12, 0),
        endedAt: 0,
        endReason: '',
      }),
    )
    const state = await screen.findByText(/^Backoffice until/)
    expect(state.textContent).toMatch(/^Backoffice until 12:00\sPM · 43 min left$/)
    expect((await screen.findByText(/^Then open until/)).textContent).toMatch(/3:00\sPM$/)
  })

  it('links to the options page', async () => {
    const openOptions = vi.fn()
    db = testDb()
    renderApp(<Popup openReview={vi.fn()} openOptions={openOptions} />, { db, now: NOW })
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule and settings' }))
    expect(openOptions).toHaveBeenCalledOnce()
  })
})
