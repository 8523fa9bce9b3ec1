/**
 * Checks the clients and breakthrough rules from the options page or an import, field by field:
 * `path` names the field (`clients.2.identities.0.value`), `code` picks the `_locales` message
 * (`opt_ruleError_<code>` with dashes as underscores), `message` is English for logs and tests.
 */
import { type CodedError, checkFields, codedError } from '../field-errors'
import { normIdentity, Rules, type Rules as RulesType } from './schema'

export const RULE_ERRORS = {
  'name-empty': 'Give the client a name',
  'name-too-long': 'Use at most 80 characters',
  'duplicate-name': 'Another client has this name',
  colour: 'Choose a colour',
  'identity-invalid': 'Not a valid value of this kind',
  'identity-duplicate': 'Already listed for another client',
  'emergency-duplicate': 'Listed twice',
  'too-long': 'Too long',
  'too-many-identities': 'Too many identities',
  'too-many-clients': 'Too many clients',
  'response-hours': 'Between 1 and 168 hours',
  'note-too-long': 'Use at most 500 characters',
  'repeat-count': 'Between 2 and 20 messages',
  'repeat-minutes': 'Between 1 and 240 minutes',
  quota: 'Between 0 and 50 a day',
  'keyword-empty': 'A keyword cannot be empty',
  'keyword-too-long': 'Use at most 40 characters',
  'keyword-duplicate': 'Listed twice',
  invalid: 'Invalid value',
} as const
export type RuleErrorCode = keyof typeof RULE_ERRORS

/** identity-duplicate: `params.other`, the index of the client that already has it. */
export type RuleError = CodedError<RuleErrorCode>

export type RulesCheck = { ok: true; rules: RulesType } | { ok: false; errors: RuleError[] }

/** Rules between fields, on rules whose fields are each valid. */
export function ruleErrors(r: RulesType): RuleError[] {
  const errors: RuleError[] = []
  const err = (path: string, code: RuleErrorCode, params?: Record<string, number>) =>
    errors.push(codedError(RULE_ERRORS, path, code, params))

  const names = new Map<string, number>()
  // Per identity (kind and normal form): the sites it is claimed on, by which client. Two claims
  // clash when they share a site or either is for any site: the later one could never match.
  const owners = new Map<string, { site: string; client: number }[]>()
  r.clients.forEach((c, i) => {
    const name = normIdentity('name', c.name)
    const other = names.get(name)
    if (other !== undefined) err(`clients.${i}.name`, 'duplicate-name', { other })
    else names.set(name, i)
    c.identities.forEach((id, j) => {
      const k = `${id.kind}:${normIdentity(id.kind, id.value)}`
      const claims = owners.get(k) ?? []
      const clash = claims.find((o) => o.site === '' || id.site === '' || o.site === id.site)
      if (clash)
        err(`clients.${i}.identities.${j}.value`, 'identity-duplicate', { other: clash.client })
      else owners.set(k, [...claims, { site: id.site, client: i }])
    })
  })
  const emergency = new Set<string>()
  r.emergency.forEach((id, j) => {
    const k = `${id.kind}:${id.site}:${normIdentity(id.kind, id.value)}`
    if (emergency.has(k)) err(`emergency.${j}.value`, 'emergency-duplicate')
    emergency.add(k)
  })
  const keywords = new Set<string>()
  r.keywords.forEach((kw, j) => {
    const k = normIdentity('name', kw)
    if (keywords.has(k)) err(`keywords.${j}`, 'keyword-duplicate')
    keywords.add(k)
  })
  return errors
}

/** Parses and checks the rules: every error at once, each on its field. */
export function validateRules(input: unknown): RulesCheck {
  const check = checkFields(Rules, RULE_ERRORS, ruleErrors, input)
  return check.ok ? { ok: true, rules: check.value } : check
}
