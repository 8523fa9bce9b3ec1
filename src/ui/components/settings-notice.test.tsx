import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { createSettingsStore, SETTINGS_KEY, SETTINGS_NOTICE_KEY } from '../../store/settings'
import { createI18n } from '../i18n'
import { english } from '../i18n-english'
import { createFakeConnector } from '../testing/fake-connector'
import { renderApp, testDb } from '../testing/render-app'
import { areaOf, SettingsNotice } from './settings-notice'

const db = testDb()
afterEach(async () => {
  cleanup()
  await db.kv.clear()
})

const i18n = createI18n(english)

describe('areaOf', () => {
  it('names the part of the settings in the user’s words', () => {
    const area = (
      path: string,
      fix: 'default' | 'left-out' | 'removed' = 'default',
      label?: string,
    ) => areaOf({ path, problem: '', fix, ...(label ? { label } : {}) }, i18n)
    expect(area('schedule.blocks.1', 'left-out', 'Deep work')).toBe('Block 2 (Deep work)')
    expect(area('rules.clients.0.colour')).toBe('Client 1')
    expect(area('schedule.workingHours.3')).toBe('Working hours')
    expect(area('history.retentionDays')).toBe('History')
    expect(area('theme', 'removed')).toBe('All settings')
    expect(area('rules.clients.2.vip', 'removed')).toBe('Client 3')
    expect(area('unwatched.1', 'left-out')).toBe('Watched sites')
    expect(area('(settings)')).toBe('All settings')
  })
})

describe('SettingsNotice', () => {
  it('shows nothing without a repair', async () => {
    renderApp(<SettingsNotice />, { db, now: 0 })
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('lists what a repair changed, and sends the dismissal', async () => {
    await db.kv.put({
      key: SETTINGS_KEY,
      value: { ...DEFAULT_SETTINGS, unwatched: 'all', history: { retentionDays: 0 } },
    })
    await createSettingsStore(db, () => 42).readAndRepair()
    const connector = createFakeConnector(async () => {
      await db.kv.delete(SETTINGS_NOTICE_KEY)
      return { ok: true }
    })
    renderApp(<SettingsNotice short />, { db, now: 0, connector })
    const box = await screen.findByRole('status')
    expect(box.textContent).toContain('Some settings could not be read')
    expect(box.textContent).toContain('Watched sites: reset to its default')
    expect(box.textContent).toContain('History: reset to its default')
    expect(box.textContent).toContain('settings.backup.42')
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(connector.sent).toHaveLength(1))
    expect(connector.sent).toEqual([{ type: 'ui/settings-notice-dismiss' }])
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull())
  })
})
