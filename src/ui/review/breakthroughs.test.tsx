import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { identity, rulesWith, testClient } from '../../core/clients/testing'
import type { UiMsg } from '../../core/messages'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import { markNotUrgent } from '../../store/clients'
import type { MargenDb } from '../../store/db'
import { createFakeConnector } from '../testing/fake-connector'
import { addCaptures, capture, renderApp, session, testDb } from '../testing/render-app'
import { Review } from './review'

const at = (d: number, h: number, m: number) => new Date(2025, 2, d, h, m).getTime()
const NOW = at(4, 12, 0)
const daysAgo = (n: number, h: number) => at(4, h, 0) - n * 86_400_000

const acme = testClient('acme', {
  tier: 'priority',
  identities: [identity('email', 'ana@acme.com')],
})
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  rules: rulesWith({ clients: [acme] }),
}

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

const fromAcme = { clientId: 'acme', sender: 'Ana Ruiz' }
const claimed = { urgent: 1 as const }

/**
 * Today's block: Ana held twice (once with "urgente"), one breakthrough by keyword and one by
 * repeat. Last week's block (6 days ago): a breakthrough on the emergency channel. A block 10
 * days ago: an emergency sender's breakthrough, too old for the default view.
 */
async function seed() {
  db = testDb()
  await db.kv.put({ key: 'settings', value: settings })
  await db.sessions.bulkAdd([
    session({ id: 'today', startedAt: at(4, 9, 0), endsAt: at(4, 11, 0), endedAt: at(4, 11, 0) }),
    session({
      id: 'week',
      startedAt: daysAgo(6, 9),
      endsAt: daysAgo(6, 11),
      endedAt: daysAgo(6, 11),
    }),
  ])
  const [plain, keyword, kwBreak, repeat, channel, old] = await addCaptures(db, [
    capture({ at: at(4, 9, 10), sessionId: 'today', ...fromAcme, body: 'Invoice attached' }),
    capture({
      at: at(4, 9, 20),
      sessionId: 'today',
      ...fromAcme,
      body: 'Urgente: the logo',
      keyword: 'urgente',
      ...claimed,
      why: { rule: 'quota-used', quota: 3, wanted: 'urgent-keyword' },
    }),
    capture({
      at: at(4, 9, 30),
      sessionId: 'today',
      ...fromAcme,
      body: 'Server down, urgente',
      keyword: 'urgente',
      ...claimed,
      verdict: 'deliver',
      reason: 'urgent-keyword',
      status: 'delivered',
      why: { rule: 'urgent-keyword', keyword: 'urgente' },
    }),
    capture({
      at: at(4, 9, 40),
      sessionId: 'today',
      ...fromAcme,
      body: 'Are you there?',
      ...claimed,
      verdict: 'deliver',
      reason: 'repeat',
      status: 'delivered',
      why: { rule: 'repeat', count: 3, minutes: 10 },
    }),
    capture({
      at: daysAgo(6, 10),
      sessionId: 'week',
      ...fromAcme,
      site: 'whatsapp',
      body: 'Call me',
      ...claimed,
      verdict: 'deliver',
      reason: 'emergency-channel',
      status: 'delivered',
      why: { rule: 'emergency-channel', site: 'whatsapp' },
    }),
    capture({
      at: daysAgo(10, 10),
      sessionId: 'older',
      sender: 'Mum',
      body: 'Call me back',
      ...claimed,
      verdict: 'deliver',
      reason: 'emergency-sender',
      status: 'delivered',
      why: { rule: 'emergency-sender', identity: 'mum@home.es' },
    }),
  ])
  return {
    plain: plain!,
    keyword: keyword!,
    kwBreak: kwBreak!,
    repeat: repeat!,
    channel: channel!,
    old: old!,
  }
}

/** A fake background that marks claimed urgencies as the real one does. */
const backgroundLike = () =>
  createFakeConnector(async (msg: UiMsg) => {
    if (msg.type === 'ui/mark-not-urgent') await markNotUrgent(db, msg.ids, msg.notUrgent)
    return { ok: true }
  })

function renderReview(filter: string | null, connector = createFakeConnector()) {
  return renderApp(<Review session={filter} onShowAll={vi.fn()} />, { db, now: NOW, connector })
}

/** A held item's row in the review list. */
const heldItem = (body: string) =>
  within(screen.getByRole('list', { name: 'Held notifications' }))
    .getByText(body)
    .closest('li')!
const gotThrough = () => screen.getByRole('region', { name: /^What got through/ })

describe('review page: why, urgency, breakthroughs', () => {
  it('says why each held item was held, and marks the urgent one', async () => {
    await seed()
    renderReview('today')
    await screen.findByText('Invoice attached')
    const plain = heldItem('Invoice attached')
    expect(within(plain).getByText('Held: no breakthrough rule applied')).toBeTruthy()
    expect(within(plain).queryByText('urgent')).toBeNull()
    expect(within(plain).queryByRole('button', { name: /^Not urgent/ })).toBeNull()

    const urgent = heldItem('Urgente: the logo')
    expect(within(urgent).getByText('Held: Acme used its 3 breakthroughs for today')).toBeTruthy()
    const mark = within(urgent).getByText('urgent')
    expect(mark.getAttribute('title')).toBe('Contains the urgent keyword “urgente”')
    const toggle = within(urgent).getByRole('button', { name: 'Not urgent: Urgente: the logo' })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
  })

  it('lists the breakthroughs of the block shown, each with its rule', async () => {
    await seed()
    renderReview('today')
    const region = await screen.findByRole('region', { name: /^What got through in this block/ })
    const items = within(region).getAllByRole('listitem')
    expect(items.map((li) => li.querySelector('.item-why')?.textContent)).toEqual([
      'Delivered: 3rd message from Acme (priority client) within 10 minutes',
      'Delivered: “urgente” in the message from Acme (priority client)',
    ])
    expect(within(region).queryByText('Call me')).toBeNull()
  })

  it('lists the last 7 days of breakthroughs when no block is chosen', async () => {
    await seed()
    renderReview(null)
    const region = await screen.findByRole('region', {
      name: /^What got through in the last 7 days/,
    })
    expect(within(region).getAllByRole('listitem')).toHaveLength(3)
    expect(
      within(region).getByText('Delivered: Acme wrote on the emergency channel (WhatsApp)'),
    ).toBeTruthy()
    expect(within(region).queryByText('Call me back')).toBeNull()
  })

  it('toggles "not urgent" through the background, and shows the stored state', async () => {
    const { repeat } = await seed()
    const { connector } = renderReview('today', backgroundLike())
    await screen.findByRole('region', { name: /^What got through/ })
    const toggle = () =>
      within(gotThrough()).getByRole('button', { name: 'Not urgent: Are you there?' })
    fireEvent.click(toggle())
    await waitFor(() => expect(toggle().getAttribute('aria-pressed')).toBe('true'))
    expect(connector.sent).toEqual([{ type: 'ui/mark-not-urgent', ids: [repeat], notUrgent: true }])
    expect((await db.captures.get(repeat))?.notUrgent).toBe(1)
    fireEvent.click(toggle())
    await waitFor(() => expect(toggle().getAttribute('aria-pressed')).toBe('false'))
    expect(connector.sent[1]).toEqual({
      type: 'ui/mark-not-urgent',
      ids: [repeat],
      notUrgent: false,
    })
  })

  it('sends "not urgent" for a held item with an urgent keyword', async () => {
    const { keyword } = await seed()
    const { connector } = renderReview('today')
    await screen.findByText('Urgente: the logo')
    fireEvent.click(screen.getByRole('button', { name: 'Not urgent: Urgente: the logo' }))
    await waitFor(() =>
      expect(connector.sent).toEqual([
        { type: 'ui/mark-not-urgent', ids: [keyword], notUrgent: true },
      ]),
    )
  })

  it('shows no breakthrough section when nothing got through', async () => {
    db = testDb()
    await addCaptures(db, [capture({ at: at(4, 8, 0), sessionId: '', sender: 'Marta' })])
    renderReview(null)
    await screen.findByRole('heading', { name: /^Marta/ })
    expect(screen.queryByRole('region', { name: /^What got through/ })).toBeNull()
  })
})
