import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { type Client, DEFAULT_RULES, type Rules } from '../../../core/clients/schema'
import { DEFAULT_SETTINGS } from '../../../core/settings'
import type { MargenDb } from '../../../store/db'
import { renderApp, testDb } from '../../testing/render-app'
import { ClientsEditor } from './clients-editor'
import { blankClient } from './draft'

const NOW = new Date(2025, 2, 3, 11, 17).getTime()
const acme: Client = {
  ...blankClient('Acme', 0, 'acme'),
  identities: [{ kind: 'email', value: 'ana@acme.com', site: '' }],
}
const RULES: Rules = { ...DEFAULT_RULES, clients: [acme] }

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

async function setup() {
  db = testDb()
  await db.kv.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, rules: RULES } })
  const r = renderApp(<ClientsEditor />, { db, now: NOW })
  await screen.findByRole('heading', { name: 'Your clients' })
  fireEvent.click(screen.getByRole('button', { name: 'Import contacts from a CSV file' }))
  return r
}

const paste = (text: string) =>
  fireEvent.input(screen.getByRole('textbox', { name: 'Or paste the rows here' }), {
    target: { value: text },
  })
const table = () => screen.getByRole('table', { name: 'Rows found in the file' })
const cells = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
const sentRules = (sent: unknown[]) => (sent[0] as { rules: Rules }).rules

const SPANISH_EXCEL = [
  'Nombre;Correo electrónico',
  'Luis Gómez;luis@gamma.io',
  'Sin correo;',
  'Ana;ana@acme.com',
  'Luis bis;LUIS@gamma.io',
  ';marta@gamma.io',
  '"Pérez; Pilar";pilar@gamma.io',
].join('\r\n')

describe('CSV import', () => {
  it('previews the rows with what is wrong with each', async () => {
    await setup()
    paste(SPANISH_EXCEL)
    expect(cells()).toEqual([
      ['2', 'Luis Gómez', 'luis@gamma.io', 'Ready'],
      ['3', 'Sin correo', '', 'No email address'],
      ['4', 'Ana', 'ana@acme.com', 'Already belongs to “Acme”'],
      ['5', 'Luis bis', 'LUIS@gamma.io', 'Same address as line 2'],
      ['6', '', 'marta@gamma.io', 'No name'],
      ['7', 'Pérez; Pilar', 'pilar@gamma.io', 'Ready'],
    ])
    expect(
      screen.getByText('2 contacts ready to import. 4 rows have problems and will be skipped.'),
    ).toBeTruthy()
  })

  it('imports one client per name into the draft, to be saved', async () => {
    const { connector } = await setup()
    paste(SPANISH_EXCEL)
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 contacts' }))
    expect(screen.getByText('Added 2 contacts. Save to keep them.')).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByRole('button', { name: 'Edit Luis Gómez' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Edit Pérez; Pilar' })).toBeTruthy()
    expect(connector.sent).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Save clients' }))
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    expect(
      sentRules(connector.sent).clients.map((c) => [c.name, c.identities.map((i) => i.value)]),
    ).toEqual([
      ['Acme', ['ana@acme.com']],
      ['Luis Gómez', ['luis@gamma.io']],
      ['Pérez; Pilar', ['pilar@gamma.io']],
    ])
  })

  it('adds every address to one client, where names do not matter', async () => {
    const { connector } = await setup()
    paste(SPANISH_EXCEL)
    fireEvent.click(screen.getByRole('radio', { name: 'Identities of one client' }))
    // "No name" no longer stops line 6.
    expect(cells()[4]).toEqual(['6', '', 'marta@gamma.io', 'Ready'])
    const button = screen.getByRole('button', { name: 'Import 3 contacts' })
    // A new client needs a name first.
    expect(button).toHaveProperty('disabled', true)
    fireEvent.change(screen.getByRole('combobox', { name: 'Client' }), {
      target: { value: 'acme' },
    })
    fireEvent.click(button)
    expect(screen.getByText('Added 3 contacts. Save to keep them.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Edit Acme' }).closest('li')?.textContent).toContain(
      '4 identities',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Save clients' }))
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    expect(sentRules(connector.sent).clients[0]?.identities.map((i) => i.value)).toEqual([
      'ana@acme.com',
      'luis@gamma.io',
      'marta@gamma.io',
      'pilar@gamma.io',
    ])
  })

  it('or to a new client it names', async () => {
    await setup()
    paste('a@gamma.io\nb@gamma.io')
    fireEvent.click(screen.getByRole('radio', { name: 'Identities of one client' }))
    fireEvent.input(screen.getByRole('textbox', { name: 'New client’s name' }), {
      target: { value: 'Gamma' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 contacts' }))
    expect(screen.getByRole('button', { name: 'Edit Gamma' }).closest('li')?.textContent).toContain(
      '2 identities',
    )
  })

  it('reads a Windows-1252 file as Excel writes it', async () => {
    await setup()
    // "Muñoz;m@x.es" with ñ as the single byte 0xF1.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Nombre;Correo\r\nMu'),
      0xf1,
      ...new TextEncoder().encode('oz;m@x.es\r\n'),
    ])
    const file = new File([bytes], 'contactos.csv', { type: 'text/csv' })
    const input = screen.getByLabelText('CSV file') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [file] })
    fireEvent.change(input)
    await waitFor(() => expect(cells()).toEqual([['2', 'Muñoz', 'm@x.es', 'Ready']]))
  })

  it('refuses a file that is too big', async () => {
    await setup()
    const input = screen.getByLabelText('CSV file') as HTMLInputElement
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.csv')
    Object.defineProperty(input, 'files', { value: [big] })
    fireEvent.change(input)
    expect(
      await screen.findByText(
        'This file is too big (over 2 MB). Export only the contacts you need.',
      ),
    ).toBeTruthy()
  })
})
