import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { addIdentity } from '../../core/clients/add-identity'
import { Identity } from '../../core/clients/schema'
import { identity, rulesWith, testClient } from '../../core/clients/testing'
import type { UiMsg } from '../../core/messages'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import type { MargenDb } from '../../store/db'
import { readSettings } from '../../store/settings'
import { createFakeConnector } from '../testing/fake-connector'
import { addCaptures, capture, renderApp, testDb } from '../testing/render-app'
import { Suggestions } from './suggestions'

const NOW = new Date(2025, 2, 4, 12, 0).getTime()
const DAY = 24 * 60 * 60_000

const stored: Settings = {
  ...DEFAULT_SETTINGS,
  rules: rulesWith({
    clients: [testClient('acme', { identities: [identity('email', 'boss@acme.com')] })],
  }),
}

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

/** Ana wrote 3 times by email, Marta twice on WhatsApp, Luis once, Old Pete long ago. */
async function seed() {
  db = testDb()
  await db.kv.put({ key: 'settings', value: stored })
  const mail = { idKind: 'email' as const, idValue: 'ana@acme.es' }
  const wa = {
    site: 'whatsapp',
    idKind: 'handle' as const,
    idValue: '34600111222@c.us',
    origin: 'https://web.whatsapp.com',
  }
  await addCaptures(db, [
    capture({ at: NOW - 3 * DAY, sessionId: '', sender: 'Ana Ruiz', ...mail }),
    capture({ at: NOW - 2 * DAY, sessionId: '', sender: 'Ana Ruiz', ...mail }),
    capture({ at: NOW - DAY, sessionId: '', sender: 'Ana Ruiz', ...mail, site: 'outlook' }),
    capture({ at: NOW - 5 * DAY, sessionId: '', sender: 'Marta', ...wa }),
    capture({ at: NOW - 4 * DAY, sessionId: '', sender: 'Marta', ...wa }),
    capture({ at: NOW - DAY, sessionId: '', sender: 'Luis' }),
    capture({ at: NOW - 40 * DAY, sessionId: '', sender: 'Old Pete' }),
    capture({ at: NOW - 39 * DAY, sessionId: '', sender: 'Old Pete' }),
  ])
}

/** A background that applies ui/client-add-identity to the stored settings, as the real one does. */
const backgroundLike = () =>
  createFakeConnector(async (msg: UiMsg) => {
    if (msg.type !== 'ui/client-add-identity') return { ok: true }
    const { settings } = await readSettings(db)
    const added = addIdentity(settings.rules, msg, Identity.parse(msg.identity), () => 'new-1')
    if (!added.ok) {
      const error = added.errors.map((e) => `${e.path}: ${e.message}`).join('; ')
      return { ok: false, error, errors: added.errors }
    }
    await db.kv.put({ key: 'settings', value: { ...settings, rules: added.rules } })
    return { ok: true }
  })

const row = (name: string) => screen.getByText(name, { selector: '.sender' }).closest('li')!

describe('suggestions', () => {
  it('lists frequent senders of no client from the last 30 days, most frequent first', async () => {
    await seed()
    renderApp(<Suggestions />, { db, now: NOW })
    await screen.findByText('Ana Ruiz')
    const items = screen.getAllByRole('listitem').map((li) => li.textContent)
    expect(items).toEqual([expect.stringContaining('Ana Ruiz'), expect.stringContaining('Marta')])
    expect(row('Ana Ruiz').textContent).toContain('3 messages')
    expect(row('Ana Ruiz').textContent).toContain('Email ana@acme.es, on any site')
    expect(row('Marta').textContent).toContain('WhatsApp · 2 messages')
    expect(row('Marta').textContent).toContain('Handle 34600111222@c.us, only on WhatsApp')
    expect(screen.queryByText('Luis')).toBeNull()
    expect(screen.queryByText('Old Pete')).toBeNull()
  })

  it('adds an email to an existing client on any site, and the suggestion goes away', async () => {
    await seed()
    const { connector } = renderApp(<Suggestions />, { db, now: NOW, connector: backgroundLike() })
    await screen.findByText('Ana Ruiz')
    const ana = within(row('Ana Ruiz'))
    fireEvent.change(ana.getByLabelText('Client for Ana Ruiz'), { target: { value: 'acme' } })
    expect(ana.queryByLabelText('Name of the new client')).toBeNull()
    fireEvent.click(ana.getByRole('button', { name: 'Add to client: Ana Ruiz' }))
    await waitFor(() =>
      expect(connector.sent).toEqual([
        {
          type: 'ui/client-add-identity',
          clientId: 'acme',
          identity: { kind: 'email', value: 'ana@acme.es', site: '' },
        },
      ]),
    )
    expect(await screen.findByText('Ana Ruiz added to Acme.')).toBeTruthy()
    await waitFor(() => expect(screen.queryByText('Ana Ruiz', { selector: '.sender' })).toBeNull())
    expect(screen.getByText('Marta')).toBeTruthy()
  })

  it('adds a chat handle to a new client, limited to its site', async () => {
    await seed()
    const { connector } = renderApp(<Suggestions />, { db, now: NOW, connector: backgroundLike() })
    await screen.findByText('Marta')
    const marta = within(row('Marta'))
    expect((marta.getByLabelText('Client for Marta') as HTMLSelectElement).value).toBe('')
    fireEvent.input(marta.getByLabelText('Name of the new client'), {
      target: { value: 'Estudio Marta' },
    })
    fireEvent.click(marta.getByRole('button', { name: 'Add to client: Marta' }))
    await waitFor(() =>
      expect(connector.sent).toEqual([
        {
          type: 'ui/client-add-identity',
          clientId: '',
          newName: 'Estudio Marta',
          identity: { kind: 'handle', value: '34600111222@c.us', site: 'whatsapp' },
        },
      ]),
    )
    await waitFor(async () =>
      expect((await readSettings(db)).settings.rules.clients.map((c) => c.name)).toEqual([
        'Acme',
        'Estudio Marta',
      ]),
    )
    expect(await screen.findByText('Marta added to Estudio Marta.')).toBeTruthy()
  })

  it('shows a refusal on the row', async () => {
    await seed()
    renderApp(<Suggestions />, { db, now: NOW, connector: backgroundLike() })
    await screen.findByText('Ana Ruiz')
    const ana = within(row('Ana Ruiz'))
    fireEvent.input(ana.getByLabelText('Name of the new client'), { target: { value: 'acme' } })
    fireEvent.click(ana.getByRole('button', { name: 'Add to client: Ana Ruiz' }))
    expect(
      await ana.findByText(
        'Another client already has this name. Choose it in the list, or use another name.',
      ),
    ).toBeTruthy()
    expect(ana.getByRole('alert')).toBeTruthy()
  })

  it('shows the background’s own words for a refusal it has no message for', async () => {
    await seed()
    const connector = createFakeConnector(() => ({ ok: false, error: 'settings are locked' }))
    renderApp(<Suggestions />, { db, now: NOW, connector })
    await screen.findByText('Marta')
    fireEvent.click(screen.getByRole('button', { name: 'Add to client: Marta' }))
    expect(await screen.findByText("That didn't work: settings are locked")).toBeTruthy()
  })

  it('has an empty state', async () => {
    db = testDb()
    renderApp(<Suggestions />, { db, now: NOW })
    expect(
      await screen.findByText('No suggestions: nobody outside your clients wrote often lately.'),
    ).toBeTruthy()
  })
})
