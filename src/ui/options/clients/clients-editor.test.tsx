import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type Client,
  clientDefaults,
  DEFAULT_RULES,
  type Rules,
} from '../../../core/clients/schema'
import { identity, testClient } from '../../../core/clients/testing'
import type { Reply, UiMsg } from '../../../core/messages'
import { DEFAULT_SETTINGS } from '../../../core/settings'
import type { MargenDb } from '../../../store/db'
import { createFakeConnector } from '../../testing/fake-connector'
import { addCaptures, capture, renderApp, testDb } from '../../testing/render-app'
import { ClientsEditor } from './clients-editor'
import { blankClient } from './draft'

const NOW = new Date(2025, 2, 3, 11, 17).getTime()
const acme = testClient('acme', {
  tier: 'priority',
  identities: [identity('email', 'ana@acme.com'), identity('domain', 'acme.com')],
})
const beta: Client = {
  ...blankClient('Beta', 1, 'beta'),
  identities: [identity('email', 'boss@beta.es')],
}
const RULES: Rules = { ...DEFAULT_RULES, clients: [acme, beta] }

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

const store = (rules: Rules) =>
  db.kv.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, rules } })

/** Answers like the background: stores what it accepts. */
const storing = (refuse?: (msg: UiMsg) => Reply | null) =>
  createFakeConnector(async (msg) => {
    const refusal = refuse?.(msg)
    if (refusal) return refusal
    if (msg.type === 'ui/rules-save') await store(msg.rules as Rules)
    return { ok: true }
  })

async function setup(connector = storing(), rules = RULES) {
  db = testDb()
  await store(rules)
  const r = renderApp(<ClientsEditor />, { db, now: NOW, connector })
  await screen.findByRole('heading', { name: 'Your clients' })
  return r
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save clients' }))
const status = () => document.querySelector('.save-bar [role="status"]')?.textContent
const panel = (name: string) => {
  const edit = screen.getByRole('button', { name: `Edit ${name}` })
  return within(document.getElementById(edit.getAttribute('aria-controls') ?? '') as HTMLElement)
}
const openClient = (name: string) => {
  fireEvent.click(screen.getByRole('button', { name: `Edit ${name}` }))
  return panel(name)
}
const input = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } })
const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } })

describe('clients editor', () => {
  it('lists the clients with their tier and identities', async () => {
    await setup()
    const items = screen.getAllByRole('listitem').filter((li) => li.matches('.client-item'))
    expect(items.map((li) => li.querySelector('.client-summary')?.textContent)).toEqual([
      'AcmePriority2 identities',
      'BetaStandard1 identity',
    ])
    expect(screen.getByRole('button', { name: 'Edit Acme' }).getAttribute('aria-expanded')).toBe(
      'false',
    )
  })

  it('adds a client with identities and saves it as ui/rules-save', async () => {
    const { connector } = await setup()
    fireEvent.click(screen.getByRole('button', { name: 'Add a client' }))
    const name = await screen.findByRole('textbox', { name: 'Name' })
    await waitFor(() => expect(document.activeElement).toBe(name))
    input(name, 'Gamma  ')
    const gamma = panel('Gamma')
    fireEvent.click(gamma.getByRole('button', { name: 'Add an identity' }))
    input(gamma.getByRole('textbox', { name: 'Identity 1: value' }), 'luis@gamma.io')
    fireEvent.click(gamma.getByRole('button', { name: 'Add an identity' }))
    change(gamma.getByRole('combobox', { name: 'Identity 2: kind' }), 'handle')
    input(gamma.getByRole('textbox', { name: 'Identity 2: value' }), '+34 600 111 222')
    change(gamma.getByRole('combobox', { name: 'Identity 2: site' }), 'whatsapp')
    expect(status()).toBe('You have unsaved changes.')

    save()
    await waitFor(() => expect(status()).toBe('Saved.'))
    expect(connector.sent).toEqual([
      {
        type: 'ui/rules-save',
        rules: {
          ...RULES,
          clients: [
            acme,
            beta,
            testClient('gamma', {
              id: expect.any(String),
              colour: '#059669',
              identities: [
                identity('email', 'luis@gamma.io'),
                identity('handle', '+34 600 111 222', 'whatsapp'),
              ],
            }),
          ],
        },
      },
    ])
    // The stored rules are the normalised ones, so nothing is left unsaved.
    const name2 = screen.getByRole('textbox', { name: 'Name' })
    expect(name2).toHaveProperty('value', 'Gamma')
    input(name2, 'Gamma')
    await waitFor(() => expect(status()).toBe(''))
  })

  it('shows an invalid email inline and in the summary, and sends nothing', async () => {
    const { connector } = await setup()
    const acmePanel = openClient('Acme')
    const value = acmePanel.getByRole('textbox', { name: 'Identity 1: value' })
    input(value, 'ana at acme')
    save()

    const text = 'Enter an email address, like ana@acme.com.'
    expect(await acmePanel.findByText(text, { selector: '.field-error' })).toBeTruthy()
    expect(value.getAttribute('aria-invalid')).toBe('true')
    const described = value.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(described)?.textContent).toBe(text)
    const summary = screen.getByRole('region', { name: /problem to fix/ })
    expect(within(summary).getByRole('link', { name: `Acme, identity 1: ${text}` })).toBeTruthy()
    expect(status()).toBe('Not saved: fix 1 problem first.')
    expect(connector.sent).toEqual([])

    input(value, 'ana@acme.com')
    await waitFor(() => expect(screen.queryByText(text)).toBeNull())
  })

  it('opens a closed client that has an error, and the summary link focuses the field', async () => {
    const { connector } = await setup()
    input(openClient('Beta').getByRole('textbox', { name: 'Name' }), ' ')
    fireEvent.click(screen.getByRole('button', { name: 'Edit Client 2' }))
    expect(screen.queryByRole('textbox', { name: 'Name' })).toBeNull()
    save()
    const link = await screen.findByRole('link', { name: 'Client 2: Give the client a name.' })
    const name = screen.getByRole('textbox', { name: 'Name' })
    fireEvent.click(link)
    await waitFor(() => expect(document.activeElement).toBe(name))
    expect(connector.sent).toEqual([])
  })

  it("shows the background's refusal on the fields it names", async () => {
    const refusal = {
      ok: false as const,
      error: 'clients.1.identities.0.value: Already listed for another client',
      errors: [
        {
          path: 'clients.1.identities.0.value',
          code: 'identity-duplicate',
          message: 'x',
          params: { other: 0 },
        },
      ],
    }
    const { connector } = await setup(storing(() => refusal))
    const acmePanel = openClient('Acme')
    input(acmePanel.getByRole('textbox', { name: 'Note' }), 'Retainer')
    save()
    // Beta was closed: it opens to show the error next to its identity.
    const betaPanel = panel('Beta')
    expect(
      await betaPanel.findByText('Already listed for “Acme”.', { selector: '.field-error' }),
    ).toBeTruthy()
    expect(
      betaPanel.getByRole('textbox', { name: 'Identity 1: value' }).getAttribute('aria-invalid'),
    ).toBe('true')
    expect(connector.sent).toHaveLength(1)
    expect(status()).toBe('Not saved: fix 1 problem first.')
    // The draft stays.
    expect(acmePanel.getByRole('textbox', { name: 'Note' })).toHaveProperty('value', 'Retainer')
  })

  it('shows a refusal without field errors in the banner', async () => {
    await setup(createFakeConnector(() => ({ ok: false, error: 'disk full' })))
    input(openClient('Acme').getByRole('textbox', { name: 'Note' }), 'x')
    save()
    expect((await screen.findByRole('alert')).textContent).toContain("That didn't work: disk full")
  })

  it('disables the breakthrough options of a low-tolerance client, with the reason', async () => {
    await setup()
    const betaPanel = openClient('Beta')
    const options = betaPanel.getByRole('group', { name: 'During a block, let through' })
    expect(options.hasAttribute('disabled')).toBe(false)
    change(betaPanel.getByRole('combobox', { name: 'Tier' }), 'low-tolerance')

    expect(options.hasAttribute('disabled')).toBe(true)
    const explain = document.getElementById(options.getAttribute('aria-describedby') ?? '')
    expect(explain?.textContent).toBe(
      'Low-tolerance clients only get through as emergency senders, so these options don’t apply. Change the tier to use them.',
    )
    // A disabled fieldset disables every control in it.
    const keywords = betaPanel.getByRole('checkbox', { name: 'Messages with an urgent keyword' })
    expect(keywords.closest('fieldset')).toBe(options)
    expect(betaPanel.queryByText(/Use the usual options/)).toBeNull()
  })

  it('offers the tier defaults when the tier changes', async () => {
    const { connector } = await setup()
    const betaPanel = openClient('Beta')
    change(betaPanel.getByRole('combobox', { name: 'Tier' }), 'priority')
    expect(betaPanel.getByText('Use the usual options for the “Priority” tier?')).toBeTruthy()
    expect(betaPanel.getByRole('checkbox', { name: 'Repeated messages' })).toHaveProperty(
      'checked',
      false,
    )
    fireEvent.click(betaPanel.getByRole('button', { name: 'Use them' }))
    expect(betaPanel.getByRole('checkbox', { name: 'Repeated messages' })).toHaveProperty(
      'checked',
      true,
    )
    expect(betaPanel.getByRole('spinbutton', { name: 'Messages' })).toHaveProperty('value', '3')
    expect(betaPanel.getByRole('spinbutton', { name: 'Times a day at most' })).toHaveProperty(
      'value',
      '3',
    )
    expect(betaPanel.queryByText(/Use the usual options/)).toBeNull()
    save()
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    expect((connector.sent[0] as { rules: Rules }).rules.clients[1]).toEqual({
      ...beta,
      tier: 'priority',
      ...clientDefaults('priority'),
    })
  })

  it('says a cleared number is out of range', async () => {
    await setup()
    const acmePanel = openClient('Acme')
    input(acmePanel.getByRole('spinbutton', { name: 'Reply within (hours)' }), '')
    save()
    expect(
      await acmePanel.findByText('Enter between 1 and 168 hours.', { selector: '.field-error' }),
    ).toBeTruthy()
  })

  it('asks before removing a client', async () => {
    const { connector } = await setup()
    fireEvent.click(screen.getByRole('button', { name: 'Remove Beta' }))
    const confirm = screen.getByRole('group', {
      name: 'Remove “Beta” and its identities? Margen stops recognising them once you save.',
    })
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('button', { name: 'Edit Beta' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Remove Beta' }))
    fireEvent.click(
      within(screen.getByRole('group', { name: /^Remove “Beta”/ })).getByRole('button', {
        name: 'Remove',
      }),
    )
    expect(screen.queryByRole('button', { name: 'Edit Beta' })).toBeNull()
    expect(screen.getByText('“Beta” removed. Save to confirm.')).toBeTruthy()
    save()
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    expect((connector.sent[0] as { rules: Rules }).rules.clients).toEqual([acme])
  })

  it('shows the cry-wolf ratio of a client that claimed urgencies', async () => {
    await setup()
    const claim = (at: number, notUrgent: 0 | 1) =>
      capture({ at, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1, notUrgent })
    await addCaptures(db, [claim(1, 1), claim(2, 0), claim(3, 1), claim(4, 0), claim(5, 0)])
    expect(await screen.findByText('2 of 5 urgencies were not urgent')).toBeTruthy()
    expect(document.querySelectorAll('.cry-wolf')).toHaveLength(1)
  })

  it('edits the emergency senders, the keywords and the channel', async () => {
    const { connector } = await setup()
    fireEvent.click(screen.getByRole('button', { name: 'Add an emergency sender' }))
    const emergency = screen.getByRole('region', { name: 'Emergency senders' })
    change(within(emergency).getByRole('combobox', { name: 'Emergency sender 1: kind' }), 'handle')
    input(within(emergency).getByRole('textbox', { name: 'Emergency sender 1: value' }), '@mum')

    const word = screen.getByRole('textbox', { name: 'New keyword' })
    input(word, 'URGENTE')
    fireEvent.keyDown(word, { key: 'Enter' })
    expect(screen.getByText('Already in the list.', { selector: '.field-error' })).toBeTruthy()
    expect(word.getAttribute('aria-invalid')).toBe('true')
    input(word, 'server down')
    fireEvent.keyDown(word, { key: 'Enter' })
    expect(screen.getByText('server down')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Remove “asap”' }))
    change(screen.getByRole('combobox', { name: 'Channel' }), 'whatsapp')

    save()
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    const sent = (connector.sent[0] as { rules: Rules }).rules
    expect(sent.emergency).toEqual([{ kind: 'handle', value: '@mum', site: '' }])
    expect(sent.keywords).toEqual([
      ...DEFAULT_RULES.keywords.filter((k) => k !== 'asap'),
      'server down',
    ])
    expect(sent.emergencyChannel).toBe('whatsapp')

    fireEvent.click(screen.getByRole('button', { name: 'Restore the defaults' }))
    expect(screen.queryByText('server down')).toBeNull()
    expect(screen.getByRole('button', { name: 'Restore the defaults' })).toHaveProperty(
      'disabled',
      true,
    )
  })

  it('follows the stored rules while it has no unsaved changes', async () => {
    await setup()
    await store({ ...RULES, clients: [...RULES.clients, blankClient('Delta', 2, 'delta')] })
    expect(await screen.findByRole('button', { name: 'Edit Delta' })).toBeTruthy()

    input(openClient('Acme').getByRole('textbox', { name: 'Note' }), 'mine')
    await store(RULES)
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.getByRole('button', { name: 'Edit Delta' })).toBeTruthy()
    expect(status()).toBe('You have unsaved changes.')
  })

  it('gives every control an accessible name', async () => {
    await setup()
    openClient('Acme')
    fireEvent.click(screen.getByRole('button', { name: 'Import contacts from a CSV file' }))
    input(screen.getByRole('textbox', { name: 'Or paste the rows here' }), 'Ana,ana@x.com')
    fireEvent.click(screen.getByRole('radio', { name: 'Identities of one client' }))
    for (const role of [
      'textbox',
      'combobox',
      'checkbox',
      'spinbutton',
      'button',
      'radio',
      'link',
    ]) {
      const all = screen.queryAllByRole(role)
      expect(screen.queryAllByRole(role, { name: /\S/ }), role).toHaveLength(all.length)
    }
    const file = document.querySelector('input[type="file"]') as HTMLInputElement
    expect(file.labels?.[0]?.textContent).toBe('CSV file')
    const colour = document.querySelector('input[type="color"]') as HTMLInputElement
    expect(colour.labels?.[0]?.textContent).toBe('Colour')
  })
})
