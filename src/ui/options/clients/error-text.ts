/**
 * A rules error in the UI language, and where the summary says it is. An invalid identity names
 * its kind ("Enter a domain, like acme.com"); a cleared number field says its range rather than
 * zod's "expected number".
 */
import type { Rules } from '../../../core/clients/schema'
import type { RuleError, RuleErrorCode } from '../../../core/clients/validate'
import type { I18n, MessageKey } from '../../i18n'
import { fieldOf } from './draft'

const KEYS: Record<Exclude<RuleErrorCode, 'identity-invalid'>, MessageKey> = {
  'name-empty': 'cl_err_name_empty',
  'name-too-long': 'cl_err_name_too_long',
  'duplicate-name': 'cl_err_duplicate_name',
  colour: 'cl_err_colour',
  'identity-duplicate': 'cl_err_identity_duplicate',
  'emergency-duplicate': 'cl_err_emergency_duplicate',
  'too-long': 'cl_err_too_long',
  'too-many-identities': 'cl_err_too_many_identities',
  'too-many-clients': 'cl_err_too_many_clients',
  'response-hours': 'cl_err_response_hours',
  'note-too-long': 'cl_err_note_too_long',
  'repeat-count': 'cl_err_repeat_count',
  'repeat-minutes': 'cl_err_repeat_minutes',
  quota: 'cl_err_quota',
  'keyword-empty': 'cl_err_keyword_empty',
  'keyword-too-long': 'cl_err_keyword_too_long',
  'keyword-duplicate': 'cl_err_keyword_duplicate',
  invalid: 'cl_err_invalid',
}

/** The range message of a number field, for an `invalid` (NaN, not an integer) value. */
const NUMBER_FIELDS: Record<string, RuleErrorCode> = {
  responseHours: 'response-hours',
  quota: 'quota',
  count: 'repeat-count',
  minutes: 'repeat-minutes',
}

export function identityAt(rules: Rules, field: string) {
  const m = /^(?:clients\.(\d+)\.identities|emergency)\.(\d+)\./.exec(field)
  if (!m) return undefined
  const list = m[1] === undefined ? rules.emergency : rules.clients[Number(m[1])]?.identities
  return list?.[Number(m[2])]
}

export function ruleErrorText(i18n: I18n, e: RuleError, rules: Rules): string {
  const field = fieldOf(e.path)
  let code = e.code
  if (code === 'invalid') code = NUMBER_FIELDS[field.split('.').at(-1) ?? ''] ?? 'invalid'
  switch (code) {
    case 'identity-invalid':
      return i18n.t(`cl_err_identity_invalid_${identityAt(rules, field)?.kind ?? 'email'}`)
    case 'identity-duplicate':
      return i18n.t(KEYS[code], rules.clients[e.params?.other ?? -1]?.name ?? '')
    case 'too-many-identities':
      return i18n.t(KEYS[code], field === 'emergency' ? 200 : 50)
    case 'too-many-clients':
      return i18n.t(KEYS[code], i18n.number(1000))
    default:
      return i18n.t(KEYS[code])
  }
}

export const clientName = (i18n: I18n, rules: Rules, index: number) =>
  rules.clients[index]?.name.trim() || i18n.t('cl_clientNumber', index + 1)

/** What the summary says an error belongs to: the client (and identity), or the list. */
export function ruleErrorWhere(i18n: I18n, field: string, rules: Rules): string {
  const [head, index, part, sub] = field.split('.')
  const n = Number(index)
  if (head === 'clients' && index !== undefined) {
    const name = clientName(i18n, rules, n)
    return part === 'identities' && sub !== undefined
      ? i18n.t('cl_whereIdentity', name, Number(sub) + 1)
      : name
  }
  if (head === 'emergency')
    return index === undefined ? i18n.t('cl_emergencyHeading') : i18n.t('cl_whereEmergency', n + 1)
  if (head === 'keywords') return i18n.t('cl_keywordsHeading')
  return head === 'emergencyChannel' ? i18n.t('cl_channelHeading') : ''
}
