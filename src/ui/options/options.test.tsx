import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import type { MargenDb } from '../../store/db'
import { createFakeConnector } from '../testing/fake-connector'
import { renderApp, testDb } from '../testing/render-app'
import { Options } from './options'

const NOW = new Date(2025, 2, 3, 11, 17).getTime()
const hm = (h: number) => h * 60
const nine = { start: hm(9), end: hm(18) }
const stored: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: {
    blocks: [
      { id: 'bo', label: 'Backoffice', days: [1, 2, 3, 4, 5], start: hm(9), end: hm(11) },
      { id: 'calls', label: 'Calls', days: [1], start: hm(15), end: hm(16) },
    ],
    workingHours: [null, nine, nine, nine, nine, nine, null],
    offHours: false,
  },
  unwatched: [],
}

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

async function setup(connector = createFakeConnector()) {
  db = testDb()
  await db.kv.put({ key: 'settings', value: stored })
  const r = renderApp(<Options />, { db, now: NOW, connector })
  await screen.findByRole('heading', { name: 'Blocks' })
  return r
}

const blockCard = (name: string) =>
  screen.getByRole('heading', { level: 3, name }).closest('li') as HTMLElement

const saveStatus = () => document.querySelector('.save-bar [role="status"]')?.textContent

describe('options page', () => {
  it('shows the stored blocks in the editor and the week view', async () => {
    await setup()
    expect(screen.getByDisplayValue('Backoffice')).toBeTruthy()
    const calls = within(blockCard('Calls'))
    expect((calls.getByLabelText('Start') as HTMLInputElement).value).toBe('15:00')
    expect((calls.getByLabelText('Monday') as HTMLInputElement).checked).toBe(true)
    expect((calls.getByLabelText('Tuesday') as HTMLInputElement).checked).toBe(false)
    const monday = screen.getByRole('region', { name: 'Monday' })
    expect(
      within(monday)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Backoffice', 'Calls'])
  })

  it('shows an overlap inline and in the summary, and sends nothing', async () => {
    const { connector } = await setup()
    const calls = within(blockCard('Calls'))
    fireEvent.input(calls.getByLabelText('Start'), { target: { value: '10:00' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))

    const summary = await screen.findByRole('region', { name: /problems? to fix/ })
    expect(within(summary).getByRole('link', { name: 'Calls: Overlaps “Backoffice” on Monday.' }))
    expect(blockCard('Calls').textContent).toContain('Overlaps “Backoffice” on Monday.')
    expect(blockCard('Calls').getAttribute('aria-describedby')).toBe('field-blocks-1-err')
    expect(saveStatus()).toBe('Not saved: fix 2 problems first.')
    expect(connector.sent).toEqual([])
  })

  it('shows an error on its field and clears it once fixed', async () => {
    const { connector } = await setup()
    const label = screen.getByDisplayValue('Calls')
    fireEvent.input(label, { target: { value: '  ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Give the block a name.', { selector: '.field-error' }))
    expect(label.getAttribute('aria-invalid')).toBe('true')
    fireEvent.input(label, { target: { value: 'Client calls' } })
    await waitFor(() => expect(screen.queryByText('Give the block a name.')).toBeNull())
    expect(connector.sent).toEqual([])
  })

  it('sends the whole settings object when valid, and says it saved', async () => {
    const { connector } = await setup()
    const calls = within(blockCard('Calls'))
    fireEvent.input(calls.getByLabelText('End'), { target: { value: '17:30' } })
    fireEvent.click(calls.getByLabelText('Friday'))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hold outside working hours' }))
    expect(saveStatus()).toBe('You have unsaved changes.')
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(saveStatus()).toBe('Saved.'))
    const [calls2] = stored.schedule.blocks.slice(1)
    expect(connector.sent).toEqual([
      {
        type: 'ui/settings-save',
        settings: {
          ...stored,
          schedule: {
            ...stored.schedule,
            blocks: [stored.schedule.blocks[0], { ...calls2, days: [1, 5], end: hm(17) + 30 }],
            offHours: true,
          },
        },
      },
    ])
  })

  it("shows the background's own errors", async () => {
    const refusal = {
      ok: false as const,
      error: 'offHours: no',
      errors: [{ path: 'offHours', code: 'off-hours-without-working-hours', message: 'x' }],
    }
    await setup(createFakeConnector(() => refusal))
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(
      await screen.findByText('Set working hours on at least one day to hold outside them.', {
        selector: '.field-error',
      }),
    ).toBeTruthy()
  })

  it('deletes a block with an undo', async () => {
    await setup()
    fireEvent.click(screen.getByRole('button', { name: 'Delete Calls' }))
    expect(screen.queryByDisplayValue('Calls')).toBeNull()
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }))
    expect(screen.getByDisplayValue('Calls')).toBeTruthy()
  })

  it('writes the availability text and switches language', async () => {
    await setup()
    const text = screen.getByLabelText('Text to share') as HTMLTextAreaElement
    expect(text.value).toMatch(
      /^I answer messages 11:00\sAM–3:00\sPM and 4:00\sPM–6:00\sPM, Monday; 11:00\sAM–6:00\sPM, Tuesday to Friday\.$/,
    )
    fireEvent.change(screen.getByLabelText('Language of the text'), { target: { value: 'es' } })
    fireEvent.input(screen.getByLabelText('Emergency channel (optional)'), {
      target: { value: 'WhatsApp +34 600 000 000' },
    })
    expect(text.value).toBe(
      'Respondo mensajes de 11:00 a 15:00 y de 16:00 a 18:00, los lunes; de 11:00 a 18:00, de martes a viernes. Para una urgencia: WhatsApp +34 600 000 000.',
    )
  })
})
