import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { SITES } from '../../core/sites'
import type { MargenDb } from '../../store/db'
import { SETTINGS_KEY } from '../../store/settings'
import { createFakeConnector } from '../testing/fake-connector'
import { renderApp, testDb } from '../testing/render-app'
import { SiteChoice } from './site-choice'

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

describe('site choice', () => {
  it('ticks every built-in site by default, and saves an untick with the rest of the settings', async () => {
    db = testDb()
    const connector = createFakeConnector()
    renderApp(<SiteChoice />, { db, now: Date.now(), connector })
    const slack = (await screen.findByRole('checkbox', { name: 'Slack' })) as HTMLInputElement
    expect(screen.getAllByRole('checkbox')).toHaveLength(SITES.length)
    expect(slack.checked).toBe(true)
    fireEvent.click(slack)
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    expect(connector.sent[0]).toEqual({
      type: 'ui/settings-save',
      settings: { ...DEFAULT_SETTINGS, unwatched: ['slack'] },
    })
  })

  it('shows the stored choice', async () => {
    db = testDb()
    await db.kv.put({ key: SETTINGS_KEY, value: { ...DEFAULT_SETTINGS, unwatched: ['whatsapp'] } })
    renderApp(<SiteChoice />, { db, now: Date.now(), connector: createFakeConnector() })
    const wa = (await screen.findByRole('checkbox', { name: 'WhatsApp' })) as HTMLInputElement
    expect(wa.checked).toBe(false)
    expect((screen.getByRole('checkbox', { name: 'Gmail' }) as HTMLInputElement).checked).toBe(true)
  })
})
