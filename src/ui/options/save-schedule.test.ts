import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { UNREACHABLE } from '../connector'
import { createI18n } from '../i18n'
import { english } from '../i18n-english'
import { createFakeConnector } from '../testing/fake-connector'
import { saveSchedule } from './save-schedule'

const i18n = createI18n(english)
const block = { id: 'b', label: 'Backoffice', days: [1], start: 540, end: 660 }
const schedule = { ...DEFAULT_SETTINGS.schedule, blocks: [block] }

describe('saveSchedule', () => {
  it('sends nothing for a schedule that fails the check, and returns its errors', async () => {
    const connector = createFakeConnector()
    let sending = false
    const bad = { ...schedule, blocks: [{ ...block, end: 540 }] }
    const outcome = await saveSchedule(connector, i18n, DEFAULT_SETTINGS, bad, () => {
      sending = true
    })
    expect(outcome).toMatchObject({ ok: false, checked: true, failure: null })
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.code)).toEqual(['end-equals-start'])
    expect(connector.sent).toEqual([])
    expect(sending).toBe(false)
  })

  it('sends the schedule with the rest of the settings', async () => {
    const connector = createFakeConnector()
    expect(await saveSchedule(connector, i18n, DEFAULT_SETTINGS, schedule)).toEqual({ ok: true })
    expect(connector.sent).toEqual([
      { type: 'ui/settings-save', settings: { ...DEFAULT_SETTINGS, schedule } },
    ])
  })

  it("turns the background's refusal into field errors, or else a message", async () => {
    const error = { path: 'blocks.0', code: 'overlap', message: 'Overlaps another block' }
    const withErrors = createFakeConnector(() => ({ ok: false, error: 'x', errors: [error] }))
    expect(await saveSchedule(withErrors, i18n, DEFAULT_SETTINGS, schedule)).toEqual({
      ok: false,
      checked: false,
      errors: [error],
      failure: null,
    })
    const gone = createFakeConnector(() => ({ ok: false, error: UNREACHABLE }))
    expect(await saveSchedule(gone, i18n, DEFAULT_SETTINGS, schedule)).toMatchObject({
      checked: false,
      errors: [],
      failure: i18n.t('ui_errorUnreachable'),
    })
  })
})
