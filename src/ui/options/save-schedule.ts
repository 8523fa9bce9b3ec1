/**
 * Saving a schedule from a page: checked here first (so errors show without a round trip), then
 * sent with the rest of the stored settings; a refusal comes back as field errors when the
 * background gave them, otherwise as a message for the error banner.
 */
import type { Schedule } from '../../core/schedule/schema'
import { type FieldError, validateSchedule } from '../../core/schedule/validate'
import type { Settings } from '../../core/settings'
import type { Connector } from '../connector'
import type { I18n } from '../i18n'
import { parseErrors } from './draft'
import { checkedRefusal, type Refusal, readRefusal } from './refusal'

export type SaveOutcome = { ok: true } | Refusal<FieldError>

export async function saveSchedule(
  connector: Connector,
  i18n: I18n,
  settings: Settings,
  schedule: Schedule,
  /** Called once the schedule passed the check, just before it is sent. */
  onSend: () => void = () => undefined,
): Promise<SaveOutcome> {
  const check = validateSchedule(schedule)
  if (!check.ok) return checkedRefusal(check.errors)
  onSend()
  const reply = await connector.send({
    type: 'ui/settings-save',
    settings: { ...settings, schedule: check.schedule },
  })
  return reply.ok ? { ok: true } : readRefusal(i18n, reply, parseErrors)
}
