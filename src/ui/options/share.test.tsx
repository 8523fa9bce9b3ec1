import { cleanup, fireEvent, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/settings'
import type { MargenDb } from '../../store/db'
import { renderApp, testDb } from '../testing/render-app'
import { ShareAvailability } from './share'

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

const schedule = {
  ...DEFAULT_SETTINGS.schedule,
  blocks: [{ id: 'bo', label: 'Backoffice', days: [1, 2, 3], start: 9 * 60, end: 11 * 60 }],
}

describe('share availability', () => {
  it('names the emergency channel from the client rules until the user types another', async () => {
    db = testDb()
    const rules = { ...DEFAULT_SETTINGS.rules, emergencyChannel: 'whatsapp' }
    await db.kv.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, rules } })
    renderApp(<ShareAvailability schedule={schedule} />, { db, now: Date.now() })
    const field = (await screen.findByDisplayValue('WhatsApp')) as HTMLInputElement
    const text = () => (screen.getByLabelText('Text to share') as HTMLTextAreaElement).value
    expect(text()).toContain('For an emergency: WhatsApp.')
    fireEvent.input(field, { target: { value: 'Telegram @ana' } })
    expect(text()).toContain('For an emergency: Telegram @ana.')
  })
})
