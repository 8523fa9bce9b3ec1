/**
 * Saving the clients and rules: checked here first (so errors show without a round trip), then
 * sent alone as `ui/rules-save`; a refusal comes back as field errors when the background gave
 * them, otherwise as a message for the error banner. Mirrors ../save-schedule.ts.
 */
import type { Rules } from '../../../core/clients/schema'
import { type RuleError, validateRules } from '../../../core/clients/validate'
import { type Connector, UNREACHABLE } from '../../connector'
import type { I18n } from '../../i18n'
import { parseRuleErrors } from './draft'

export type RulesOutcome =
  /** `rules`: what was stored, normalised (names and keywords trimmed). */
  | { ok: true; rules: Rules }
  /** `checked`: refused here, before anything was sent. */
  | { ok: false; checked: boolean; errors: RuleError[]; failure: string | null }

export async function saveRules(
  connector: Connector,
  i18n: I18n,
  draft: Rules,
  /** Called once the rules passed the check, just before they are sent. */
  onSend: () => void = () => undefined,
): Promise<RulesOutcome> {
  const check = validateRules(draft)
  if (!check.ok) return { ok: false, checked: true, errors: check.errors, failure: null }
  onSend()
  const reply = await connector.send({ type: 'ui/rules-save', rules: check.rules })
  if (reply.ok) return { ok: true, rules: check.rules }
  const errors = parseRuleErrors('errors' in reply ? reply.errors : undefined)
  const failure =
    errors.length > 0
      ? null
      : reply.error === UNREACHABLE
        ? i18n.t('ui_errorUnreachable')
        : i18n.t('ui_error', reply.error)
  return { ok: false, checked: false, errors, failure }
}
