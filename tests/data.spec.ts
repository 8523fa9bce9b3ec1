// The options page's "History and data" part in the built extension: a settings file exported
// and imported back restores the settings exactly; a broken file is refused with every problem
// listed and nothing stored changes; the history CSV a user downloads has the captures, escaped;
// deleting all history needs a confirmation; the retention setting is saved.
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../src/core/clients/csv'
import { DEFAULT_SETTINGS, type Settings } from '../src/core/settings'
import type { Control } from './harness/control'
import { notify, openFixture } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const OPTIONS = 'src/ui/options/index.html#data'

describe('options: history and data', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  const stored = async () => (await ctl.read('kv')).find((r) => r.key === 'settings')?.value
  /** The stored settings; a fresh profile has none stored yet, and reads as the defaults. */
  const storedSettings = async () => ((await stored()) as Settings | undefined) ?? DEFAULT_SETTINGS

  /** Clicks `button` and reads the file the page saves. */
  async function downloaded(page: Page, button: string): Promise<{ d: Download; text: string }> {
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ])
    return { d, text: await readFile((await d.path()) as string, 'utf8') }
  }

  const importInput = (page: Page) => page.getByLabel('Import settings from a file')

  /** Settings with something in every part, saved through the background like the page does. */
  async function saveSettings(change: (s: Settings) => Settings): Promise<Settings> {
    const next = change(await storedSettings())
    const reply = await ctl.send({ type: 'ui/settings-save', settings: next })
    if (!reply.ok) throw new Error(`settings-save refused: ${reply.error}`)
    return storedSettings()
  }

  it('exports the settings and imports them back exactly, after they were changed', async () => {
    const before = await saveSettings((s) => ({
      ...s,
      schedule: {
        ...s.schedule,
        blocks: [
          { id: 'deep', label: 'Trabajo profundo', days: [1, 3, 5], start: 540, end: 690 },
          { id: 'night', label: 'Noche', days: [2], start: 1380, end: 60 },
        ],
        offHours: true,
      },
      unwatched: ['discord'],
      rules: {
        ...s.rules,
        clients: [
          {
            id: 'acme',
            name: 'Acme, S.L.',
            colour: '#2563eb',
            identities: [{ kind: 'email', value: 'ana@acme.es', site: '' }],
            tier: 'priority',
            responseHours: 24,
            note: 'Pagan a 30 días — “urgente” de verdad',
            keywords: true,
            repeat: { count: 3, minutes: 10 },
            channel: true,
            quota: 3,
          },
        ],
        emergencyChannel: 'whatsapp',
      },
      history: { retentionDays: 60, interruptionMinutes: 20 },
    }))
    const page = await m.extensionPage(OPTIONS)
    const { d, text } = await downloaded(page, 'Export settings')
    expect(d.suggestedFilename()).toMatch(/^margen-settings-\d{4}-\d{2}-\d{2}\.json$/)
    expect(JSON.parse(text)).toMatchObject({ format: 'margen-settings', settings: before })

    // Changed in between: another schedule, no clients, other history settings.
    await saveSettings((s) => ({
      ...s,
      schedule: { ...s.schedule, blocks: [], offHours: false },
      rules: { ...s.rules, clients: [], emergencyChannel: '' },
      history: { retentionDays: 7, interruptionMinutes: 5 },
    }))
    expect((await storedSettings()).rules.clients).toEqual([])

    // Chosen again under the name the browser saved it with.
    const saved = join(await mkdtemp(join(tmpdir(), 'margen-dl-')), d.suggestedFilename())
    await d.saveAs(saved)
    await importInput(page).setInputFiles(saved)
    await page
      .getByText(
        /^Imported margen-settings-.*\.json: 2 blocks and 1 client\. Your settings were replaced\.$/,
      )
      .waitFor()
    expect(await stored()).toEqual(before)
    // The rest of the page follows: the history fields show the imported values.
    const retention = page.getByRole('spinbutton', { name: 'Delete captures older than (days)' })
    await expect.poll(() => retention.inputValue()).toBe('60')
    await page.close()
  })

  it('refuses a broken file with every problem listed, and changes nothing', async () => {
    const page = await m.extensionPage(OPTIONS)
    const current = await storedSettings()
    const before = JSON.stringify(await stored())
    const broken = {
      format: 'margen-settings',
      formatVersion: 1,
      exportedAt: new Date().toISOString(),
      settings: {
        ...current,
        schedule: {
          ...current.schedule,
          blocks: [{ id: 'x', label: 'Mañanas', days: [1], start: 25 * 60, end: 600 }],
        },
        rules: {
          ...current.rules,
          emergency: [{ kind: 'handle', value: '@mamá', site: 'myspace' }],
        },
        unwatched: 'gmail',
        history: { retentionDays: '30', interruptionMinutes: 23 },
      },
    }
    await importInput(page).setInputFiles({
      name: 'roto.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken, null, 2)),
    })
    const list = page.getByRole('region', {
      name: 'roto.json was not imported: it has 4 problems. Nothing was changed.',
    })
    await list.waitFor()
    const items = await list.getByRole('listitem').allTextContents()
    expect(items).toEqual([
      'Mañanas: Enter a valid time. schedule.blocks.0.start (Too big: expected number to be <=1439)',
      'Emergency sender 1: Not a valid value. rules.emergency.0.site (Invalid input)',
      expect.stringMatching(/^Invalid value\. unwatched \(Invalid input: expected array/),
      expect.stringMatching(
        /^Invalid value\. history\.retentionDays \(Invalid input: expected number/,
      ),
    ])
    expect(JSON.stringify(await stored())).toBe(before)

    // Not JSON at all: refused before the background is asked, with where it breaks.
    await importInput(page).setInputFiles({
      name: 'notas.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "format": "margen-settings",\n  "settings": { ] }'),
    })
    const notJson = page.getByRole('region', {
      name: 'notas.json was not imported: it has 1 problem. Nothing was changed.',
    })
    await notJson
      .getByText('The file: This is not valid JSON: the problem is at line 2, column 17.')
      .waitFor()
    expect(JSON.stringify(await stored())).toBe(before)
    await page.close()
  })

  it('downloads the history as CSV with the captures, escaped against formulas', async () => {
    await ctl.start()
    const gmail = await openFixture(m, 'mail.google.com')
    const tag = `csv-${Date.now()}`
    const title = '=HYPERLINK("https://evil.test","Factura")'
    const body = 'Hola, ¿puedes revisar "esto"?\nGracias'
    await notify(gmail, { title, body, tag })
    const row = await ctl.capture((c) => c.tag === tag)
    await gmail.close()
    await ctl.end()

    const page = await m.extensionPage(OPTIONS)
    const { d, text } = await downloaded(page, 'Download CSV')
    expect(d.suggestedFilename()).toMatch(/^margen-history-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/^[^"]*\r(?!\n)/)
    const table = parseCsv(text, { separator: ',' })
    expect(table.unclosedQuoteAt).toBe(0)
    const [header, ...rows] = table.records.map((r) => r.fields)
    expect(header?.slice(0, 9)).toEqual([
      'id',
      'time_local',
      'time_utc',
      'site',
      'client',
      'sender',
      'conversation',
      'title',
      'body',
    ])
    expect(rows).toHaveLength((await ctl.captures()).length)
    const mine = rows.find((r) => r[0] === String(row.id))
    expect(mine?.[3]).toBe('gmail')
    expect(mine?.[7]).toBe(`'${row.title}`)
    expect(row.title.startsWith('=')).toBe(true)
    expect(mine?.[8]).toBe(row.body)
    expect(Date.parse(mine?.[1] ?? '')).toBe(Math.floor(row.at / 1000) * 1000)
    // In the raw file: the body quoted, its quotes doubled, the title quoted with its mark.
    expect(text).toContain(`"${row.body.replaceAll('"', '""')}"`)
    expect(text).toContain(`"'${row.title.replaceAll('"', '""')}"`)
    await page.close()
  })

  it('saves the retention and interruption settings', async () => {
    const page = await m.extensionPage(OPTIONS)
    await page.getByRole('spinbutton', { name: 'Delete captures older than (days)' }).fill('14')
    await page.getByRole('spinbutton', { name: 'Minutes lost per interruption' }).fill('30')
    await page.getByRole('button', { name: 'Save history settings' }).click()
    await page.getByRole('status').getByText('Saved.').waitFor()
    expect((await storedSettings()).history).toEqual({ retentionDays: 14, interruptionMinutes: 30 })
    await page.close()
  })

  it('deletes all history after a confirmation, and says how many went', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    for (const n of [1, 2]) {
      const tag = `delete-${n}-${Date.now()}`
      await notify(gmail, { title: 'Ana Ruiz', body: `Mensaje ${n}`, tag })
      await ctl.capture((c) => c.tag === tag)
    }
    await gmail.close()
    const count = (await ctl.captures()).length
    expect(count).toBeGreaterThan(1)
    const page = await m.extensionPage(OPTIONS)
    const part = page.getByRole('region', { name: 'Delete all history' })
    await part.getByRole('button', { name: 'Delete all history…' }).click()
    const confirm = part.getByRole('group', { name: `Delete all ${count} captures for good?` })
    // Focus starts on Cancel; Escape closes without deleting.
    const focused = () => page.evaluate(() => document.activeElement?.textContent)
    await expect.poll(focused).toBe('Cancel')
    await page.keyboard.press('Escape')
    await expect.poll(() => confirm.count()).toBe(0)
    await expect.poll(focused).toBe('Delete all history…')
    expect((await ctl.captures()).length).toBe(count)

    // By keyboard: Enter opens it, Tab from Cancel reaches the deliberate second step.
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Cancel')
    await page.keyboard.press('Tab')
    await expect.poll(focused).toBe('Yes, delete everything')
    await page.keyboard.press('Enter')
    await part.getByText(`Deleted ${count} captures.`).waitFor()
    expect(await ctl.captures()).toEqual([])
    expect((await stored()) as Settings).toMatchObject({ history: { retentionDays: 14 } })
    await page.getByText('No captures stored.').first().waitFor()
    await page.close()
  })
})
