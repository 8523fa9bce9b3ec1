/**
 * Saving the clients and rules: checked here first (so errors show without a round trip), then
 * sent alone as `ui/rules-save`; a refusal comes back as field errors when the background gave
 * them, otherwise as a message for the error banner. Mirrors ../save-schedule.ts.
 */
import type { Rules } from '../../../core/clients/schema'
import { type RuleError, validateRules } from '../../../core/clients/validate'
import type { Connector } from '../../connector'
import type { I18n } from '../../i18n'
import { checkedRefusal, type Refusal, readRefusal } from '../refusal'
import { parseRuleErrors } from './draft'

export type RulesOutcome =
  /** `rules`: what was stored, normalised (names and keywords trimmed). */
  { ok: true; rules: Rules } | Refusal<RuleError>

export async function saveRules(
  connector: Connector,
  i18n: I18n,
  draft: Rules,
  /** Called once the rules passed the check, just before they are sent. */
  onSend: () => void = () => undefined,
): Promise<RulesOutcome> {
  const check = validateRules(draft)
  if (!check.ok) return checkedRefusal(check.errors)
  onSend()
  const reply = await connector.send({ type: 'ui/rules-save', rules: check.rules })
  return reply.ok ? { ok: true, rules: check.rules } : readRefusal(i18n, reply, parseRuleErrors)
}
