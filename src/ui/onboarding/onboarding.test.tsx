import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/settings'
import type { MargenDb } from '../../store/db'
import { createFakeConnector } from '../testing/fake-connector'
import { renderApp, testDb } from '../testing/render-app'
import { Onboarding } from './onboarding'

const NOW = new Date(2025, 2, 3, 11, 17).getTime()

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

function setup(connector = createFakeConnector()) {
  db = testDb()
  const openOptions = vi.fn()
  const finish = vi.fn()
  const r = renderApp(<Onboarding openOptions={openOptions} finish={finish} />, {
    db,
    now: NOW,
    connector,
  })
  return { ...r, openOptions, finish }
}

describe('onboarding', () => {
  it('saves a first Backoffice block, Monday to Friday 09:00–11:00', async () => {
    const { connector } = setup()
    expect(await screen.findByDisplayValue('Backoffice')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Save this block' }))
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    expect(connector.sent[0]).toEqual({
      type: 'ui/settings-save',
      settings: {
        ...DEFAULT_SETTINGS,
        schedule: {
          ...DEFAULT_SETTINGS.schedule,
          blocks: [
            {
              id: expect.any(String),
              label: 'Backoffice',
              days: [1, 2, 3, 4, 5],
              start: 540,
              end: 660,
            },
          ],
        },
      },
    })
    expect(await screen.findByText('“Backoffice” saved.')).toBeTruthy()
  })

  it('does not send a block without days', async () => {
    const { connector } = setup()
    const days = await screen.findByRole('group', { name: 'Days' })
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      fireEvent.click(within(days).getByLabelText(day))
    fireEvent.click(screen.getByRole('button', { name: 'Save this block' }))
    expect(await screen.findByText('Choose at least one day.', { selector: '.field-error' }))
    expect(connector.sent).toEqual([])
  })

  it('lets the user choose the sites to watch, opens the settings and finishes', async () => {
    const { openOptions, finish } = setup()
    const sites = screen.getByRole('region', { name: 'Margen watches these sites' })
    expect(await within(sites).findByRole('checkbox', { name: 'Gmail' })).toBeTruthy()
    expect(within(sites).getByRole('checkbox', { name: 'WhatsApp' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }))
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }))
    expect(openOptions).toHaveBeenCalledOnce()
    expect(finish).toHaveBeenCalledOnce()
  })
})
