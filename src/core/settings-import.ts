/**
 * Importing a settings file: taken whole or refused whole, with every problem listed. Unlike
 * `loadSettings`, which repairs what is stored so that start-up never fails, an import repairs
 * nothing: a file the user chose is either right or sent back with what to fix.
 *
 * Accepted: the export envelope (export/settings-file.ts), and a bare settings object with a
 * version (as stored, for a copy taken by hand). Older settings versions are migrated first, as
 * stored ones are. Each error has a `path` inside the settings (`schedule.blocks.0.start`,
 * `rules.clients.2.identities.0.value`; '' for the file itself), a `code` (the schedule's and
 * the rules' own codes under `schedule.` and `rules.`, IMPORT_ERRORS elsewhere) and an English
 * `message`.
 */
import type { z } from 'zod'
import { validateRules } from './clients/validate'
import { SETTINGS_FORMAT, SETTINGS_FORMAT_VERSION } from './export/settings-file'
import type { CodedError } from './field-errors'
import { jsonErrorAt, lineColumn } from './json-error-at'
import { validateSchedule } from './schedule/validate'
import { HISTORY_ERRORS, MIGRATIONS, SETTINGS_VERSION, Settings } from './settings'

export const IMPORT_ERRORS = {
  'too-big': 'The file is bigger than 5 MB',
  empty: 'The file is empty',
  'not-json': 'The file is not valid JSON',
  'not-settings': 'This is not a Margen settings file',
  'format-newer': 'This file was made by a newer version of Margen',
  'version-missing': 'The settings have no version number',
  'version-invalid': 'The settings version is not a valid number',
  'version-newer': 'These settings come from a newer version of Margen',
  missing: 'This field is missing',
  'unknown-field': 'Margen has no such setting',
  ...HISTORY_ERRORS,
} as const
export type ImportErrorCode = keyof typeof IMPORT_ERRORS

/** The code is a string: under `schedule.` and `rules.` it is one of their forms' codes. */
export type ImportError = CodedError<string>
export type ImportCheck = { ok: true; settings: Settings } | { ok: false; errors: ImportError[] }

type Raw = Record<string, unknown>
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o: Raw, key: string) => Object.hasOwn(o, key)

export function importError(
  path: string,
  code: ImportErrorCode,
  params?: Record<string, number>,
  detail?: string,
): ImportError {
  const message = detail ? `${IMPORT_ERRORS[code]}: ${detail}` : IMPORT_ERRORS[code]
  return { path, code, message, ...(params && { params }) }
}

/** The settings object inside what was imported, or why there is none. */
export function unwrapImport(raw: unknown): { settings: Raw } | { errors: ImportError[] } {
  if (!isObject(raw)) return { errors: [importError('', 'not-settings')] }
  if (!has(raw, 'format')) {
    // A bare settings object: it must at least look like one.
    return has(raw, 'schedule') && has(raw, 'version')
      ? { settings: raw }
      : { errors: [importError('', 'not-settings')] }
  }
  if (raw.format !== SETTINGS_FORMAT) return { errors: [importError('format', 'not-settings')] }
  const v = raw.formatVersion
  if (typeof v === 'number' && Number.isInteger(v) && v > SETTINGS_FORMAT_VERSION)
    return { errors: [importError('formatVersion', 'format-newer', { version: v })] }
  const errors: ImportError[] = []
  if (v !== SETTINGS_FORMAT_VERSION) errors.push(importError('formatVersion', 'invalid'))
  if (!isObject(raw.settings))
    errors.push(importError('settings', raw.settings === undefined ? 'missing' : 'not-settings'))
  return errors.length > 0 ? { errors } : { settings: raw.settings as Raw }
}

/** Brings older settings to this version; version problems are errors, never guessed around. */
function migrate(raw: Raw): { settings: Raw; errors: ImportError[] } {
  const v = raw.version
  if (v === undefined)
    return {
      settings: { ...raw, version: SETTINGS_VERSION },
      errors: [importError('version', 'version-missing')],
    }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    return {
      settings: { ...raw, version: SETTINGS_VERSION },
      errors: [importError('version', 'version-invalid')],
    }
  if (v > SETTINGS_VERSION)
    return { settings: raw, errors: [importError('version', 'version-newer', { version: v })] }
  let settings = raw
  for (let i = v; i < SETTINGS_VERSION; i++) settings = MIGRATIONS[i]?.(settings) ?? settings
  return { settings, errors: [] }
}

const within = (prefix: string, e: ImportError): ImportError => ({
  ...e,
  path: e.path === '' ? prefix : `${prefix}.${e.path}`,
})

/** A zod issue outside the schedule and the rules: a missing field, a range code, or invalid. */
function fromIssue(issue: z.core.$ZodIssue, settings: Raw): ImportError {
  const path = issue.path.join('.')
  if (Object.hasOwn(IMPORT_ERRORS, issue.message))
    return importError(path, issue.message as ImportErrorCode)
  let value: unknown = settings
  for (const key of issue.path)
    value = isObject(value) || Array.isArray(value) ? (value as Raw)[key as string] : undefined
  if (value === undefined && issue.code === 'invalid_type') return importError(path, 'missing')
  return { path, code: 'invalid', message: issue.message }
}

/** Checks everything that can be checked and lists it all; nothing is repaired. */
export function checkImport(raw: unknown): ImportCheck {
  const unwrapped = unwrapImport(raw)
  if ('errors' in unwrapped) return { ok: false, errors: unwrapped.errors }
  const { settings, errors } = migrate(unwrapped.settings)
  if (errors.some((e) => e.code === 'version-newer')) return { ok: false, errors }

  const schedule = validateSchedule(settings.schedule)
  if (settings.schedule === undefined) errors.push(importError('schedule', 'missing'))
  else if (!schedule.ok) errors.push(...schedule.errors.map((e) => within('schedule', e)))
  else errors.push(...droppedKeys(settings.schedule, schedule.schedule, 'schedule'))
  const rules = validateRules(settings.rules)
  if (settings.rules === undefined) errors.push(importError('rules', 'missing'))
  else if (!rules.ok) errors.push(...rules.errors.map((e) => within('rules', e)))

  const known = Settings.shape
  for (const key of Object.keys(settings))
    if (!Object.hasOwn(known, key)) errors.push(importError(key, 'unknown-field'))

  // The schedule and the rules were checked above, field by field with their own codes.
  const parsed = Settings.safeParse(settings)
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      if (issue.path[0] !== 'schedule' && issue.path[0] !== 'rules')
        errors.push(fromIssue(issue, settings))

  const unique = dedupe(errors)
  if (unique.length > 0 || !parsed.success || !schedule.ok || !rules.ok)
    return { ok: false, errors: unique.length > 0 ? unique : [importError('', 'invalid')] }
  return { ok: true, settings: { ...parsed.data, schedule: schedule.schedule, rules: rules.rules } }
}

/**
 * Keys of `raw` missing from `kept`, what a schema parsed from it. The schedule's objects are not
 * strict (a stored schedule is repaired field by field), so zod drops a key it does not know
 * without a word; an import takes nothing it would lose, so each is an error.
 */
function droppedKeys(raw: unknown, kept: unknown, path: string): ImportError[] {
  if (Array.isArray(raw) && Array.isArray(kept))
    return raw.flatMap((v, i) => droppedKeys(v, kept[i], `${path}.${i}`))
  if (!isObject(raw) || !isObject(kept)) return []
  return Object.keys(raw).flatMap((key) =>
    Object.hasOwn(kept, key)
      ? droppedKeys(raw[key], kept[key], `${path}.${key}`)
      : [importError(`${path}.${key}`, 'unknown-field')],
  )
}

function dedupe(errors: readonly ImportError[]): ImportError[] {
  const seen = new Set<string>()
  return errors.filter((e) => {
    const key = `${e.path}\n${e.code}\n${e.message}\n${JSON.stringify(e.params ?? {})}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Bigger than any real settings file (1,000 clients of 50 identities is about 4 MB). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024

export type ParsedText = { ok: true; value: unknown } | { ok: false; errors: ImportError[] }

/** A settings file's text as JSON, or why it is not: too big, empty, or where the syntax breaks. */
export function parseImportText(text: string): ParsedText {
  if (tooBig(text)) return { ok: false, errors: [importError('', 'too-big')] }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, errors: [importError('', 'empty')] }
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    const at = jsonErrorAt(body)
    const params = at >= 0 ? lineColumn(body, at) : undefined
    return { ok: false, errors: [importError('', 'not-json', params, detail)] }
  }
}

/** Over IMPORT_MAX_BYTES once written as UTF-8 (what the file's size was). */
function tooBig(text: string): boolean {
  // Every UTF-16 unit is 1 to 3 bytes: only the texts in between need counting.
  if (text.length > IMPORT_MAX_BYTES) return true
  if (text.length * 3 <= IMPORT_MAX_BYTES) return false
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // A surrogate pair is 4 bytes together: 2 + 2 here.
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3
  }
  return n > IMPORT_MAX_BYTES
}
