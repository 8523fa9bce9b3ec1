/**
 * An import error in the UI language, and where it is in words ("Backoffice", "Acme, identity
 * 2"). Errors under `schedule.` and `rules.` carry those forms' own codes, so they read as they
 * do next to the fields on this page; the others have `dt_err_*` messages. The file's own
 * content gives the names (a block's label, a client's name), read leniently: it is the file
 * that was just refused.
 */
import { type Client, IdentityKind, type Rules } from '../../../core/clients/schema'
import { RULE_ERRORS, type RuleError } from '../../../core/clients/validate'
import { EMPTY_SCHEDULE, type Schedule } from '../../../core/schedule/schema'
import { type FieldError, SCHEDULE_ERRORS } from '../../../core/schedule/validate'
import {
  IMPORT_ERRORS,
  type ImportError,
  type ImportErrorCode,
  unwrapImport,
} from '../../../core/settings-import'
import type { I18n, MessageKey } from '../../i18n'
import { ruleErrorText, ruleErrorWhere } from '../clients/error-text'
import { errorText } from '../field-errors'
import { weekdayNames } from '../weekdays'

const KEYS: Record<ImportErrorCode, MessageKey> = {
  'too-big': 'dt_err_too_big',
  empty: 'dt_err_empty',
  'not-json': 'dt_err_not_json',
  'not-settings': 'dt_err_not_settings',
  'format-newer': 'dt_err_format_newer',
  'version-missing': 'dt_err_version_missing',
  'version-invalid': 'dt_err_version_invalid',
  'version-newer': 'dt_err_version_newer',
  missing: 'dt_err_missing',
  'unknown-field': 'dt_err_unknown_field',
  'retention-days': 'dt_err_retention_days',
  'interruption-minutes': 'dt_err_interruption_minutes',
  invalid: 'dt_err_invalid',
}

/** Names from the imported file, for the errors' text and place. */
export interface ImportContext {
  schedule: Schedule
  rules: Rules
}

type Raw = Record<string, unknown>
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null ? (v as Raw) : {})
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const text = (v: unknown): string => (typeof v === 'string' ? v : '')

const NO_CLIENT: Omit<Client, 'name' | 'identities'> = {
  id: '',
  colour: '#000000',
  tier: 'standard',
  responseHours: 24,
  note: '',
  keywords: false,
  repeat: null,
  channel: false,
  quota: 0,
}

const identities = (v: unknown) =>
  list(v).map((id) => ({
    kind: IdentityKind.safeParse(obj(id).kind).data ?? 'email',
    value: text(obj(id).value),
    site: '' as const,
  }))

/** Only what the messages read: labels, names and identity kinds. */
export function importContext(raw: unknown): ImportContext {
  const unwrapped = unwrapImport(raw)
  const settings = 'settings' in unwrapped ? unwrapped.settings : {}
  const schedule = obj(settings.schedule)
  const rules = obj(settings.rules)
  return {
    schedule: {
      ...EMPTY_SCHEDULE,
      blocks: list(schedule.blocks).map((b, i) => ({
        id: String(i),
        label: text(obj(b).label),
        days: [1],
        start: 0,
        end: 1,
      })),
    },
    rules: {
      clients: list(rules.clients).map((c) => ({
        ...NO_CLIENT,
        name: text(obj(c).name),
        identities: identities(obj(c).identities),
      })),
      emergency: identities(rules.emergency),
      keywords: [],
      emergencyChannel: '',
    },
  }
}

const under = (prefix: string, path: string): string | null =>
  path === prefix ? '' : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : null

function scheduleWhere(i18n: I18n, path: string, schedule: Schedule): string {
  const [head, index] = path.split('.')
  const n = Number(index)
  if (head === 'blocks' && index !== undefined)
    return schedule.blocks[n]?.label.trim() || i18n.t('opt_blockNumber', n + 1)
  if (head === 'workingHours' && index !== undefined) return weekdayNames(i18n.lang)[n] ?? ''
  return head === 'offHours' ? i18n.t('opt_offHoursTitle') : ''
}

export interface ErrorWords {
  /** The block, client or day it belongs to; '' when the path says it best. */
  where: string
  text: string
}

export function importErrorWords(i18n: I18n, e: ImportError, ctx: ImportContext): ErrorWords {
  const inSchedule = under('schedule', e.path)
  // The schedule's own "invalid" text asks for a time: right for a start or an end only.
  const timeField = /\.(start|end)$/.test(e.path)
  if (
    inSchedule !== null &&
    Object.hasOwn(SCHEDULE_ERRORS, e.code) &&
    (e.code !== 'invalid' || timeField)
  ) {
    const inner = { ...e, path: inSchedule } as FieldError
    return {
      where: scheduleWhere(i18n, inSchedule, ctx.schedule),
      text: errorText(i18n, inner, ctx.schedule),
    }
  }
  const inRules = under('rules', e.path)
  if (inRules !== null && e.code !== 'missing' && Object.hasOwn(RULE_ERRORS, e.code)) {
    const inner = { ...e, path: inRules } as RuleError
    return {
      where: ruleErrorWhere(i18n, inRules, ctx.rules),
      text: ruleErrorText(i18n, inner, ctx.rules),
    }
  }
  const where =
    e.path === ''
      ? i18n.t('dt_whereFile')
      : inSchedule !== null
        ? scheduleWhere(i18n, inSchedule, ctx.schedule)
        : ''
  const code = Object.hasOwn(KEYS, e.code) ? (e.code as ImportErrorCode) : 'invalid'
  const p = e.params ?? {}
  if (code === 'not-json' && p.line !== undefined)
    return { where, text: i18n.t('dt_err_not_json_at', p.line, p.column ?? 1) }
  if (code === 'version-newer') return { where, text: i18n.t(KEYS[code], p.version ?? '?') }
  return { where, text: i18n.t(KEYS[code]) }
}

/** The English detail worth showing beside a generic "Invalid value": zod's own words. */
export const englishDetail = (e: ImportError): string =>
  e.code === 'invalid' && e.message !== IMPORT_ERRORS.invalid ? e.message : ''
