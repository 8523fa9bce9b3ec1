/**
 * Settings: one zod schema, one defaults object, and migrations applied in order (STYLE.md).
 * Stored settings are untrusted: `loadSettings` repairs each invalid field to its default and
 * reports it, and never fails, so a broken setting cannot block start-up.
 */
import { z } from 'zod'
import { DEFAULT_RULES, Rules, SiteId } from './clients/schema'
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

/** migrations[n] turns version n into version n + 1. Version 0: anything stored without one. */
export const MIGRATIONS: ((raw: Raw) => Raw)[] = [
  (raw) => ({ ...raw, version: 1 }),
  // v2: every built-in site is watched unless the user says otherwise.
  (raw) => ({ ...raw, version: 2, unwatched: [] }),
  // v3: clients and breakthrough rules, starting with the default urgent keywords.
  (raw) => ({ ...raw, version: 3, rules: DEFAULT_RULES }),
  // v4: history retention (30 days) and the minutes an interruption costs, for insights.
  (raw) => ({ ...raw, version: 4, history: DEFAULT_HISTORY }),
]

export interface Repair {
  /** Dotted path of the field, e.g. `schedule.blocks.2`. */
  path: string
  /** What was wrong, from zod. */
  problem: string
}

export interface LoadedSettings {
  settings: Settings
  repairs: Repair[]
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Parses `value` with `schema`; where it fails, recurses into objects field by field and into
 * arrays item by item, so that only the broken parts fall back to `fallback` (or, for an array
 * item, are left out), each one reported.
 */
function repair(
  schema: z.ZodType,
  value: unknown,
  fallback: unknown,
  path: string,
  out: Repair[],
): unknown {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  if (schema instanceof z.ZodObject && isObject(value) && isObject(fallback)) {
    const fixed: Raw = {}
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      fixed[key] = repair(field, value[key], fallback[key], path ? `${path}.${key}` : key, out)
    }
    // An object-level rule (a refine) may still fail with every field valid.
    const again = schema.safeParse(fixed)
    if (again.success) return again.data
  } else if (schema instanceof z.ZodArray && Array.isArray(value)) {
    const items: unknown[] = []
    value.forEach((item, i) => {
      const one = (schema.element as z.ZodType).safeParse(item)
      if (one.success) items.push(one.data)
      else out.push({ path: `${path}.${i}`, problem: `${z.prettifyError(one.error)} (left out)` })
    })
    const again = schema.safeParse(items)
    if (again.success) return again.data
  }
  out.push({ path: path || '(settings)', problem: z.prettifyError(parsed.error) })
  return fallback
}

export function loadSettings(stored: unknown): LoadedSettings {
  const repairs: Repair[] = []
  if (stored === undefined) return { settings: DEFAULT_SETTINGS, repairs }
  let raw: Raw = isObject(stored) ? stored : {}
  if (!isObject(stored)) repairs.push({ path: '(settings)', problem: 'not an object' })
  const from = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0
  if (from > SETTINGS_VERSION) {
    repairs.push({ path: 'version', problem: `made by a newer Margen (version ${from})` })
  }
  for (let v = Math.max(from, 0); v < SETTINGS_VERSION; v++) raw = MIGRATIONS[v]?.(raw) ?? raw
  if (from > SETTINGS_VERSION) raw = { ...raw, version: SETTINGS_VERSION }
  const settings = repair(Settings, raw, DEFAULT_SETTINGS, '', repairs) as Settings
  return { settings, repairs }
}
