/**
 * Settings: one zod schema, one defaults object, and migrations applied in order (STYLE.md).
 * Stored settings are untrusted: `loadSettings` repairs each invalid field to its default and
 * reports it, and never fails, so a broken setting cannot block start-up.
 */
import { z } from 'zod'
import { Client, clientDefaults, DEFAULT_RULES, Rules, SiteId, Tier } from './clients/schema'
import { Schedule } from './schedule/schema'
import { SITES } from './sites'

export const SETTINGS_VERSION = 4

export const History = z.strictObject({
  /** Captures older than this many days are deleted by a daily alarm. */
  retentionDays: z.number().int().min(1, 'retention-days').max(3650, 'retention-days'),
  /**
   * Minutes of focus one interruption costs, for the insights page's "focus time protected"
   * estimate. The default, 23, is the figure usually quoted from Gloria Mark's studies of
   * interrupted work; it is an estimate, and the options page says so.
   */
  interruptionMinutes: z
    .number()
    .int()
    .min(1, 'interruption-minutes')
    .max(120, 'interruption-minutes'),
})
export type History = z.infer<typeof History>

/** The history fields' error codes, in English (the pages show them from _locales). */
export const HISTORY_ERRORS = {
  'retention-days': 'Between 1 and 3650 days',
  'interruption-minutes': 'Between 1 and 120 minutes',
  invalid: 'Invalid value',
} as const

export const DEFAULT_HISTORY: History = { retentionDays: 30, interruptionMinutes: 23 }

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  schedule: Schedule,
  /** Built-in sites the user chose not to watch: their notifications always pass, unrecorded. */
  unwatched: z.array(SiteId).max(SITES.length),
  /** Clients, emergency senders and breakthrough rules (core/clients). */
  rules: Rules,
  /** History kept and how insights read it (v4). */
  history: History,
})
export type Settings = z.infer<typeof Settings>

const WEEKDAY_9_TO_6 = { start: 9 * 60, end: 18 * 60 }

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  schedule: {
    blocks: [],
    workingHours: [
      null,
      WEEKDAY_9_TO_6,
      WEEKDAY_9_TO_6,
      WEEKDAY_9_TO_6,
      WEEKDAY_9_TO_6,
      WEEKDAY_9_TO_6,
      null,
    ],
    offHours: false,
  },
  unwatched: [],
  rules: DEFAULT_RULES,
  history: DEFAULT_HISTORY,
}

type Raw = Record<string, unknown>

/**
 * migrations[n] turns version n into version n + 1. Version 0: anything stored without one.
 * A migration only fills what the older version lacked: a field already there (say, stored with
 * a broken version number) is kept and checked like any other, never overwritten unseen.
 */
export const MIGRATIONS: ((raw: Raw) => Raw)[] = [
  (raw) => ({ ...raw, version: 1 }),
  // v2: every built-in site is watched unless the user says otherwise.
  (raw) => ({ unwatched: [], ...raw, version: 2 }),
  // v3: clients and breakthrough rules, starting with the default urgent keywords.
  (raw) => ({ rules: DEFAULT_RULES, ...raw, version: 3 }),
  // v4: history retention (30 days) and the minutes an interruption costs, for insights.
  (raw) => ({ history: DEFAULT_HISTORY, ...raw, version: 4 }),
]

export const Repair = z.strictObject({
  /** Dotted path of the field, e.g. `schedule.blocks.2`. */
  path: z.string().max(200),
  /** What was wrong, from zod (English; the pages show `fix` and the path instead). */
  problem: z.string().max(2000),
  /** `default`: reset to its default; `left-out`: a list item dropped; `removed`: unknown. */
  fix: z.enum(['default', 'left-out', 'removed']),
  /** The name or label of a left-out client or block, when it could be read. */
  label: z.string().max(80).optional(),
})
export type Repair = z.infer<typeof Repair>

export interface LoadedSettings {
  settings: Settings
  repairs: Repair[]
  /** The stored settings were of an older version (or none) and were migrated. */
  migrated: boolean
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)

/** What repair() gives back for a value that is broken and has no default to fall back to. */
const BROKEN: unique symbol = Symbol('broken')

/**
 * Defaults for the fields of a list item, when the item itself is worth keeping. A client whose
 * id and name are readable keeps them and gets a new client's values for the other broken fields
 * (a bad colour should not lose the client and its identities). A block has no such defaults: its
 * days and times are what it is, and inventing them would hold notifications when the user never
 * asked to, so a broken block is left out (the backup keeps it, and the notice names it).
 */
function itemDefaults(element: z.ZodType, item: unknown): Raw | undefined {
  if (element !== (Client as z.ZodType) || !isObject(item)) return undefined
  const tier = Tier.safeParse(item.tier)
  return {
    colour: '#6b7280',
    identities: [],
    tier: 'standard',
    responseHours: 24,
    note: '',
    ...clientDefaults(tier.success ? tier.data : 'standard'),
  }
}

/** A left-out item's name, so that the notice can say which client or block went. */
function labelOf(item: unknown): string | undefined {
  if (!isObject(item)) return undefined
  const label = typeof item.name === 'string' ? item.name : item.label
  return typeof label === 'string' && label.trim() !== '' ? label.trim().slice(0, 80) : undefined
}

const problemOf = (error: z.ZodError) => z.prettifyError(error).slice(0, 2000)
const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key))

/**
 * Parses `value` with `schema`; where it fails, recurses into objects field by field, into
 * tuples place by place and into lists item by item, so that only the broken parts fall back to
 * `fallback` (a list item without defaults is left out), each one reported. Unknown fields are
 * removed and reported too, so nothing goes unseen (the caller keeps a backup of the original).
 * Gives BROKEN when the value is broken and there is no fallback.
 */
function repair(
  schema: z.ZodType,
  value: unknown,
  fallback: unknown,
  path: string,
  out: Repair[],
): unknown {
  const parsed = schema.safeParse(value)
  if (parsed.success) {
    // Valid, but a non-strict object drops keys it does not know without a word: say so.
    unknownKeys(schema, value, path, out)
    return parsed.data
  }
  if (schema instanceof z.ZodObject && isObject(value)) {
    const shape = schema.shape as Record<string, z.ZodType>
    for (const key of Object.keys(value))
      if (!Object.hasOwn(shape, key))
        out.push({ path: join(path, key), problem: 'unknown field', fix: 'removed' })
    const fixed: Raw = {}
    const base = isObject(fallback) ? fallback : {}
    let broken = false
    for (const [key, field] of Object.entries(shape)) {
      const v = repair(field, value[key], base[key], join(path, key), out)
      if (v === BROKEN) broken = true
      else fixed[key] = v
    }
    // An object-level rule (a refine) may still fail with every field valid.
    if (!broken) {
      const again = schema.safeParse(fixed)
      if (again.success) return again.data
    }
    return fallbackFor(schema, value, fallback, path, out)
  }
  if (schema instanceof z.ZodTuple && Array.isArray(value) && Array.isArray(fallback)) {
    const items = schema.def.items as z.ZodType[]
    const fixed = items.map((item, i) => repair(item, value[i], fallback[i], join(path, i), out))
    if (!fixed.includes(BROKEN)) {
      const again = schema.safeParse(fixed)
      if (again.success) return again.data
    }
  } else if (schema instanceof z.ZodArray && Array.isArray(value)) {
    const element = schema.element as z.ZodType
    const items: unknown[] = []
    value.forEach((item, i) => {
      const inner: Repair[] = []
      const fixed = repair(element, item, itemDefaults(element, item), join(path, i), inner)
      if (fixed !== BROKEN) {
        items.push(fixed)
        out.push(...inner)
        return
      }
      const one = element.safeParse(item)
      const problem = one.success ? 'invalid' : problemOf(one.error)
      const label = labelOf(item)
      out.push({ path: join(path, i), problem, fix: 'left-out', ...(label ? { label } : {}) })
    })
    const again = schema.safeParse(items)
    if (again.success) return again.data
    // Too many items: keep as many of the first ones as the list allows, report the rest.
    let keep = items.length
    while (keep > 0 && !schema.safeParse(items.slice(0, keep)).success) keep = Math.floor(keep / 2)
    for (let n = keep * 2; n > keep; n--)
      if (schema.safeParse(items.slice(0, n)).success) {
        keep = n
        break
      }
    const kept = schema.safeParse(items.slice(0, keep))
    if (kept.success) {
      out.push({ path, problem: `${items.length - keep} items over the limit`, fix: 'left-out' })
      return kept.data
    }
  }
  return fallbackFor(schema, value, fallback, path, out)
}

/**
 * Reports the keys of a valid `value` that `schema` does not know, at any depth: a walk over the
 * value with no parsing, so it costs little on every read.
 */
function unknownKeys(schema: z.ZodType, value: unknown, path: string, out: Repair[]): void {
  // Only objects and lists hold keys; `def.type` is a plain read where `instanceof` on zod's
  // classes is not, and this runs over every identity of every client.
  if (typeof value !== 'object' || value === null) return
  const def = schema.def as { type: string }
  switch (def.type) {
    case 'nullable':
    case 'optional':
      unknownKeys((schema as z.ZodNullable).unwrap() as z.ZodType, value, path, out)
      return
    case 'object': {
      if (Array.isArray(value)) return
      const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>
      for (const [key, v] of Object.entries(value)) {
        const field = Object.hasOwn(shape, key) ? shape[key] : undefined
        if (!field) out.push({ path: join(path, key), problem: 'unknown field', fix: 'removed' })
        else if (typeof v === 'object' && v !== null) unknownKeys(field, v, join(path, key), out)
      }
      return
    }
    case 'array': {
      if (!Array.isArray(value)) return
      const element = (schema as z.ZodArray).element as z.ZodType
      value.forEach((v, i) => {
        if (typeof v === 'object' && v !== null) unknownKeys(element, v, join(path, i), out)
      })
      return
    }
    case 'tuple': {
      if (!Array.isArray(value)) return
      const items = (schema as z.ZodTuple).def.items as z.ZodType[]
      for (const [i, item] of items.entries()) unknownKeys(item, value[i], join(path, i), out)
    }
  }
}

function fallbackFor(
  schema: z.ZodType,
  value: unknown,
  fallback: unknown,
  path: string,
  out: Repair[],
): unknown {
  if (fallback === undefined || !schema.safeParse(fallback).success) return BROKEN
  const parsed = schema.safeParse(value)
  const problem = parsed.success ? 'invalid' : problemOf(parsed.error)
  out.push({ path: path || '(settings)', problem, fix: 'default' })
  return fallback
}

/**
 * The stored settings as this version reads them, whatever was stored: migrated from an older
 * version, then checked, with every broken part repaired and listed. Never throws.
 */
export function loadSettings(stored: unknown): LoadedSettings {
  const repairs: Repair[] = []
  if (stored === undefined) return { settings: DEFAULT_SETTINGS, repairs, migrated: false }
  if (!isObject(stored)) {
    repairs.push({ path: '(settings)', problem: 'not an object', fix: 'default' })
    return { settings: DEFAULT_SETTINGS, repairs, migrated: false }
  }
  let raw: Raw = stored
  const v = raw.version
  const known = typeof v === 'number' && Number.isInteger(v) && v >= 0
  const from = known ? v : 0
  if (v !== undefined && !known)
    repairs.push({ path: 'version', problem: 'not a version number', fix: 'default' })
  if (from > SETTINGS_VERSION) {
    repairs.push({
      path: 'version',
      problem: `made by a newer Margen (version ${from})`,
      fix: 'default',
    })
  }
  for (let n = from; n < SETTINGS_VERSION; n++) raw = MIGRATIONS[n]?.(raw) ?? raw
  if (from > SETTINGS_VERSION || !known) raw = { ...raw, version: SETTINGS_VERSION }
  const fixed = repair(Settings, raw, DEFAULT_SETTINGS, '', repairs)
  const settings = fixed === BROKEN ? DEFAULT_SETTINGS : (fixed as Settings)
  // Keys come from storage and may be of any length: the notice keeps paths short.
  const short = repairs.map((r) => (r.path.length > 200 ? { ...r, path: r.path.slice(0, 200) } : r))
  return { settings, repairs: short, migrated: from < SETTINGS_VERSION }
}

/**
 * What the pages show after a repair, until the user dismisses it: when, what was repaired, and
 * where the original is kept. Stored in `kv`, so it is parsed like any stored value.
 */
export const SettingsNotice = z.strictObject({
  at: z.number(),
  backupKey: z.string().max(100),
  repairs: z.array(Repair).max(200),
})
export type SettingsNotice = z.infer<typeof SettingsNotice>
