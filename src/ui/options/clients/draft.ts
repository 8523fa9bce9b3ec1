/**
 * The clients and rules being edited, as plain helpers over `Rules`: where each validation error
 * is shown, tier defaults, keywords, numbers from inputs. Pure; see draft.test.ts.
 */

import { CLIENT_COLOURS } from '../../../core/clients/add-identity'
import { normEmail, normName } from '../../../core/clients/identity'
import {
  type Client,
  clientDefaults,
  type Identity,
  type IdentityKind,
  type Rules,
  type Tier,
} from '../../../core/clients/schema'
import { RULE_ERRORS, type RuleError } from '../../../core/clients/validate'
import { parseCodedErrors } from '../../../core/field-errors'

const CLIENT_FIELDS = [
  'name',
  'colour',
  'tier',
  'responseHours',
  'note',
  'keywords',
  'channel',
  'quota',
  'identities',
  'repeat',
]
const IDENTITY_FIELDS = ['kind', 'value', 'site']

/** `emergency.2.site` → itself; `emergency.2` (a rule on the whole row) → its value. */
function identityField(prefix: string, index: string | undefined, sub: string | undefined) {
  if (index === undefined) return prefix
  return `${prefix}.${index}.${sub && IDENTITY_FIELDS.includes(sub) ? sub : 'value'}`
}

/**
 * The field an error is shown next to. Paths are validateRules' (`clients.2.identities.0.value`),
 * with or without the `rules.` that a whole-settings save puts in front; unknown paths go to ''
 * (the summary only).
 */
export function fieldOf(path: string): string {
  const parts = path.replace(/^rules\./, '').split('.')
  const [head, index, field, sub, leaf] = parts
  if (head === 'clients') {
    if (index === undefined) return 'clients'
    const client = `clients.${index}`
    if (field === 'identities') return identityField(`${client}.identities`, sub, leaf)
    if (field === 'repeat')
      return sub === 'count' || sub === 'minutes' ? `${client}.repeat.${sub}` : `${client}.repeat`
    return field && CLIENT_FIELDS.includes(field) ? `${client}.${field}` : client
  }
  if (head === 'emergency') return identityField('emergency', index, field)
  if (head === 'keywords') return index === undefined ? 'keywords' : `keywords.${index}`
  return head === 'emergencyChannel' ? 'emergencyChannel' : ''
}

/** The element id of a field; apart from the schedule's `field-…` ids on the same page. */
export const fieldId = (field: string) => `cl-field-${field.replaceAll('.', '-') || 'rules'}`

export const errorsOf = (errors: readonly RuleError[], field: string) =>
  errors.filter((e) => fieldOf(e.path) === field)

/** The index of the client an error belongs to, or -1. */
export function clientOf(path: string): number {
  const match = /^(?:rules\.)?clients\.(\d+)/.exec(path)
  return match ? Number(match[1]) : -1
}

/** The background's `errors`, kept only when they look like RuleErrors with a known code. */
export const parseRuleErrors = (raw: unknown): RuleError[] => parseCodedErrors(RULE_ERRORS, raw)

export const sameRules = (a: Rules, b: Rules) => JSON.stringify(a) === JSON.stringify(b)

/** "" (a cleared input) → NaN, which validation reports on the field. */
export const numberFrom = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))
export const numberTo = (n: number) => (Number.isFinite(n) ? String(n) : '')

type Options = ReturnType<typeof clientDefaults>

/** The client's breakthrough options equal its tier's defaults. */
export function hasTierDefaults(client: Client, tier: Tier = client.tier): boolean {
  const defaults: Options = clientDefaults(tier)
  const mine: Options = {
    keywords: client.keywords,
    repeat: client.repeat,
    channel: client.channel,
    quota: client.quota,
  }
  return JSON.stringify(mine) === JSON.stringify(defaults)
}

export const withTierDefaults = (client: Client): Client => ({
  ...client,
  ...clientDefaults(client.tier),
})

/** The repeat rule a client gets when the user turns it on. */
export const REPEAT_ON = { count: 3, minutes: 10 }

/**
 * A new client in the draft, like core's newClient but not parsed: a blank or overlong name
 * (from a CSV row) is reported on its field when saving instead of throwing here.
 */
export function blankClient(name: string, index: number, id: string): Client {
  return {
    id,
    name: name.trim(),
    colour: CLIENT_COLOURS[index % CLIENT_COLOURS.length] ?? CLIENT_COLOURS[0],
    identities: [],
    tier: 'standard',
    responseHours: 24,
    note: '',
    ...clientDefaults('standard'),
  }
}

export const newIdentity = (kind: IdentityKind = 'email'): Identity => ({
  kind,
  value: '',
  site: '',
})

export type KeywordProblem = 'keyword-empty' | 'keyword-too-long' | 'keyword-duplicate'

/** Adds a keyword the user typed, or says why not (same rules as validateRules). */
export function addKeyword(
  keywords: readonly string[],
  raw: string,
): { ok: true; keywords: string[] } | { ok: false; code: KeywordProblem } {
  const word = raw.trim().replace(/\s+/g, ' ')
  if (word === '') return { ok: false, code: 'keyword-empty' }
  if (word.length > 40) return { ok: false, code: 'keyword-too-long' }
  if (keywords.some((k) => normName(k) === normName(word)))
    return { ok: false, code: 'keyword-duplicate' }
  return { ok: true, keywords: [...keywords, word] }
}

/** Every address some client already has (normEmail), and that client's name. */
export function takenEmails(rules: Rules): Map<string, string> {
  const taken = new Map<string, string>()
  for (const c of rules.clients)
    for (const id of c.identities) {
      const email = id.kind === 'email' ? normEmail(id.value) : ''
      if (email !== '' && !taken.has(email)) taken.set(email, c.name)
    }
  return taken
}

export const newClientId = () => crypto.randomUUID()
