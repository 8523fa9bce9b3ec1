/**
 * Saving a schedule from a page: checked here first (so errors show without a round trip), then
 * sent with the rest of the stored settings; a refusal comes back as field errors when the
 * background gave them, otherwise as a message for the error banner.
 */
import type { Schedule } from '../../core/schedule/schema'
import { type FieldError, validateSchedule } from '../../core/schedule/validate'
import type { Settings } from '../../core/settings'
import { type Connector, UNREACHABLE } from '../connector'
import type { I18n } from '../i18n'
import { parseErrors } from './draft'

export type SaveOutcome =
  | { ok: true }
  /** `checked`: refused here, before anything was sent. */
  | { ok: false; checked: boolean; errors: FieldError[]; failure: string | null }

export async function saveSchedule(
  connector: Connector,
  i18n: I18n,
  settings: Settings,
  schedule: Schedule,
  /** Called once the schedule passed the check, just before it is sent. */
  onSend: () => void = () => undefined,
): Promise<SaveOutcome> {
  const check = validateSchedule(schedule)
  if (!check.ok) return { ok: false, checked: true, errors: check.errors, failure: null }
  onSend()
  const reply = await connector.send({
    type: 'ui/settings-save',
    settings: { ...settings, schedule: check.schedule },
  })
  if (reply.ok) return { ok: true }
  const errors = parseErrors('errors' in reply ? reply.errors : undefined)
  const failure =
    errors.length > 0
      ? null
      : reply.error === UNREACHABLE
        ? i18n.t('ui_errorUnreachable')
        : i18n.t('ui_error', reply.error)
  return { ok: false, checked: false, errors, failure }
}
