import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCsv } from '../../../core/clients/csv'
import { identity, rulesWith, testClient } from '../../../core/clients/testing'
import { settingsFile } from '../../../core/export/settings-file'
import type { UiMsg } from '../../../core/messages'
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings'
import { checkImport } from '../../../core/settings-import'
import type { MargenDb } from '../../../store/db'
import { deleteAllHistory } from '../../../store/retention'
import { readSettings } from '../../../store/settings'
import { createFakeConnector } from '../../testing/fake-connector'
import { addCaptures, capture, renderApp, testDb } from '../../testing/render-app'
import { HistoryAndData } from './data-part'
import type { OutFile } from './download'

const NOW = new Date(2026, 10, 24, 10, 30).getTime()
const DAY = 24 * 60 * 60_000

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: {
    ...DEFAULT_SETTINGS.schedule,
    blocks: [{ id: 'b1', label: 'Backoffice', days: [1, 2, 3], start: 540, end: 660 }],
  },
  rules: rulesWith({
    clients: [testClient('acme', { identities: [identity('email', 'ana@acme.com')] })],
  }),
}

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

/**
 * The part with a stand-in for the background that does what the real one does with these
 * messages, through the same core and store functions, on the same database.
 */
async function setup(opts: { captures?: number } = {}) {
  db = testDb()
  await db.kv.put({ key: 'settings', value: SETTINGS })
  const n = opts.captures ?? 3
  await addCaptures(
    db,
    Array.from({ length: n }, (_, i) =>
      capture({
        at: NOW - (n - i) * DAY,
        sessionId: '',
        sender: `Sender ${i}`,
        clientId: i === 0 ? 'acme' : '',
        title: i === 1 ? '=HYPERLINK("http://x.test")' : `Title ${i}`,
        body: i === 2 ? 'Dos líneas,\r\ncon "comillas"' : 'Hola',
      }),
    ),
  )
  const connector = createFakeConnector(async (msg: UiMsg) => {
    if (msg.type === 'ui/settings-import') {
      const checked = checkImport(msg.settings)
      if (!checked.ok) return { ok: false, error: 'refused', errors: checked.errors }
      await db.kv.put({ key: 'settings', value: checked.settings })
      return { ok: true }
    }
    if (msg.type === 'ui/history-delete') return { ok: true, deleted: await deleteAllHistory(db) }
    if (msg.type === 'ui/history-save') {
      const { settings } = await readSettings(db)
      const { retentionDays, interruptionMinutes } = msg
      await db.kv.put({
        key: 'settings',
        value: { ...settings, history: { retentionDays, interruptionMinutes } },
      })
      return { ok: true }
    }
    return { ok: false, error: `unexpected ${msg.type}` }
  })
  const saved: OutFile[] = []
  const r = renderApp(<HistoryAndData save={(f) => saved.push(f)} />, { db, now: NOW, connector })
  await screen.findByRole('spinbutton', { name: 'Delete captures older than (days)' })
  return { ...r, saved }
}

const card = (name: string) => screen.getByRole('region', { name })
const fileText = async (f: OutFile) => new Blob(f.parts, { type: f.type }).text()

function chooseFile(text: string, name = 'margen-settings.json') {
  const input = screen.getByLabelText('Import settings from a file') as HTMLInputElement
  const file = new File([text], name, { type: 'application/json' })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  fireEvent.change(input)
}

describe('History and data', () => {
  it('says plainly that the data stays on this computer', async () => {
    await setup()
    const local = card('Your data stays on this computer')
    expect(local.textContent).toContain('There is no Margen server, no account and no sync')
  })

  it('shows how much is stored and since when, and the stored history settings', async () => {
    await setup()
    const history = card('History')
    await within(history).findByText('3 captures stored; the oldest is from November 21, 2026.')
    const retention = within(history).getByRole('spinbutton', {
      name: 'Delete captures older than (days)',
    }) as HTMLInputElement
    const minutes = within(history).getByRole('spinbutton', {
      name: 'Minutes lost per interruption',
    }) as HTMLInputElement
    expect([retention.value, minutes.value]).toEqual(['30', '23'])
    // The help says what the number is, where it comes from, and cites the research.
    const help = document.getElementById(minutes.getAttribute('aria-describedby') ?? '')
    expect(help?.textContent).toMatch(/An estimate, not a measurement/)
    expect(help?.textContent).toMatch(/about 23 minutes/)
    const sources = within(history).getByRole('region', { name: 'Sources' })
    expect(sources.textContent).toContain('Gloria Mark, Daniela Gudith and Ulrich Klocke')
    expect(sources.textContent).toContain('CHI 2008')
    expect(sources.textContent).toContain('Gloria Mark, Víctor M. González and Justin Harris')
  })

  it('saves the history settings, and refuses out-of-range values on their field', async () => {
    const { connector } = await setup()
    const retention = screen.getByRole('spinbutton', { name: 'Delete captures older than (days)' })
    const minutes = screen.getByRole('spinbutton', { name: 'Minutes lost per interruption' })
    fireEvent.input(retention, { target: { value: '0' } })
    fireEvent.input(minutes, { target: { value: '12.5' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save history settings' }))
    await screen.findByText('Enter a whole number of days from 1 to 3650.')
    screen.getByText('Enter a whole number of minutes from 1 to 120.')
    expect(retention.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(retention)
    expect(connector.sent).toEqual([])

    fireEvent.input(retention, { target: { value: '90' } })
    fireEvent.input(minutes, { target: { value: '15' } })
    expect(screen.queryByText('Enter a whole number of days from 1 to 3650.')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Save history settings' }))
    await screen.findByText('Saved.')
    expect(connector.sent).toEqual([
      { type: 'ui/history-save', retentionDays: 90, interruptionMinutes: 15 },
    ])
    expect((await readSettings(db)).settings.history).toEqual({
      retentionDays: 90,
      interruptionMinutes: 15,
    })
  })

  it('exports the history as CSV, escaped, and as JSON, with dated names', async () => {
    const { saved } = await setup()
    const exporting = card('Export history')
    const separator = within(exporting).getByRole('combobox', { name: 'CSV separator' })
    expect((separator as HTMLSelectElement).value).toBe(',')
    fireEvent.click(within(exporting).getByRole('button', { name: 'Download CSV' }))
    await within(exporting).findByText('3 captures saved to margen-history-2026-11-24.csv.')
    const csv = saved[0] as OutFile
    expect(csv.name).toBe('margen-history-2026-11-24.csv')
    const text = await fileText(csv)
    const rows = parseCsv(text, { separator: ',' }).records.map((r) => r.fields)
    expect(rows).toHaveLength(4)
    expect(rows.map((r) => [r[4], r[5], r[7], r[8]]).slice(1)).toEqual([
      ['Acme', 'Sender 0', 'Title 0', 'Hola'],
      ['', 'Sender 1', `'=HYPERLINK("http://x.test")`, 'Hola'],
      ['', 'Sender 2', 'Title 2', 'Dos líneas,\r\ncon "comillas"'],
    ])

    fireEvent.change(separator, { target: { value: ';' } })
    fireEvent.click(within(exporting).getByRole('button', { name: 'Download JSON' }))
    await waitFor(() => expect(saved).toHaveLength(2))
    const json = JSON.parse(await fileText(saved[1] as OutFile))
    expect(saved[1]?.name).toBe('margen-history-2026-11-24.json')
    expect(json.format).toBe('margen-history')
    expect(json.captures.map((c: { sender: string }) => c.sender)).toEqual([
      'Sender 0',
      'Sender 1',
      'Sender 2',
    ])
  })

  it('has nothing to export or delete when the history is empty', async () => {
    await setup({ captures: 0 })
    const exporting = card('Export history')
    await within(exporting).findByText('There is no history to export yet.')
    const csv = within(exporting).getByRole('button', { name: 'Download CSV' })
    expect((csv as HTMLButtonElement).disabled).toBe(true)
    const remove = within(card('Delete all history')).getByRole('button', {
      name: 'Delete all history…',
    })
    expect((remove as HTMLButtonElement).disabled).toBe(true)
  })

  it('exports the settings in their envelope, which imports back to the same settings', async () => {
    const { saved } = await setup()
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }))
    await screen.findByText('Settings saved to margen-settings-2026-11-24.json.')
    const file = JSON.parse(await fileText(saved[0] as OutFile))
    expect(file).toEqual(JSON.parse(JSON.stringify(settingsFile(SETTINGS, NOW))))
    expect(checkImport(file)).toEqual({ ok: true, settings: SETTINGS })
  })

  it('imports a settings file, says what it held, and the settings change', async () => {
    const { connector } = await setup()
    const next: Settings = {
      ...SETTINGS,
      schedule: { ...SETTINGS.schedule, blocks: [] },
      rules: rulesWith({ clients: [testClient('zeta'), testClient('beta')] }),
    }
    chooseFile(JSON.stringify(settingsFile(next, NOW)), 'copia.json')
    await screen.findByText(
      'Imported copia.json: 0 blocks and 2 clients. Your settings were replaced.',
    )
    expect(connector.sent).toHaveLength(1)
    expect((await readSettings(db)).settings).toEqual(next)
  })

  it('lists every problem of a refused file, in words and by path, and changes nothing', async () => {
    await setup()
    const bad = JSON.parse(JSON.stringify(settingsFile(SETTINGS, NOW)))
    bad.settings.schedule.blocks[0].start = 1500
    bad.settings.schedule.offHours = 'yes'
    bad.settings.rules.clients[0].identities[0].site = 'myspace'
    bad.settings.rules.clients[0].name = ' '
    bad.settings.history.retentionDays = 0
    bad.settings.extra = true
    chooseFile(JSON.stringify(bad))
    const list = await screen.findByRole('region', {
      name: 'margen-settings.json was not imported: it has 6 problems. Nothing was changed.',
    })
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toEqual([
      'Backoffice: Enter a valid time. schedule.blocks.0.start (Too big: expected number to be <=1439)',
      'Hold outside working hours: Invalid value. schedule.offHours (Invalid input: expected boolean, received string)',
      // The name is blank, so the client is named by its place.
      'Client 1: Give the client a name. rules.clients.0.name',
      'Client 1, identity 1: Not a valid value. rules.clients.0.identities.0.site (Invalid input)',
      'Margen has no such setting. extra',
      'Enter a whole number of days from 1 to 3650. history.retentionDays',
    ])
    expect(items).toHaveLength(6)
    await waitFor(() => expect(document.activeElement).toBe(list))
    expect((await readSettings(db)).settings).toEqual(SETTINGS)
  })

  it('refuses a file that is not JSON, saying where it breaks, without asking the background', async () => {
    const { connector } = await setup()
    chooseFile('{\n  "format": "margen-settings",\n  "settings": }\n', 'roto.json')
    const list = await screen.findByRole('region', {
      name: 'roto.json was not imported: it has 1 problem. Nothing was changed.',
    })
    expect(list.textContent).toContain(
      'The file: This is not valid JSON: the problem is at line 3, column 15.',
    )
    expect(connector.sent).toEqual([])
  })

  it('deletes all history only after a confirmation, with focus handled', async () => {
    const { connector } = await setup()
    const part = card('Delete all history')
    const open = within(part).getByRole('button', { name: 'Delete all history…' })
    await waitFor(() => expect((open as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(open)
    const confirm = within(part).getByRole('group', { name: 'Delete all 3 captures for good?' })
    const cancel = within(confirm).getByRole('button', { name: 'Cancel' })
    await waitFor(() => expect(document.activeElement).toBe(cancel))
    fireEvent.keyDown(cancel, { key: 'Escape' })
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Delete all history…'))
    expect(connector.sent).toEqual([])

    fireEvent.click(within(part).getByRole('button', { name: 'Delete all history…' }))
    fireEvent.click(within(part).getByRole('button', { name: 'Yes, delete everything' }))
    await within(part).findByText('Deleted 3 captures.')
    expect(connector.sent).toEqual([{ type: 'ui/history-delete' }])
    expect(await db.captures.count()).toBe(0)
    await screen.findByText('No captures stored.')
  })
})
