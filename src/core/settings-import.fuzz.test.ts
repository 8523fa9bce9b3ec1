/**
 * Importing settings files, fuzzed: any valid settings go out and come back exactly; a real
 * export with parts removed, retyped, oversized or joined by extra keys (`__proto__` too), and its
 * text with characters changed, is either taken (valid by every check, nothing in it silently
 * dropped, stable through another export) or refused with a list of errors on paths. Nothing
 * throws, the input is never written to, and no prototype is touched.
 * (settings-import.test.ts has the examples and the plain "any JSON" property.)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Client, DEFAULT_KEYWORDS, type Identity, type Rules } from './clients/schema'
import { testClient } from './clients/testing'
import { validateRules } from './clients/validate'
import { settingsFile, settingsFileText } from './export/settings-file'
import {
  breakthroughOptions,
  mutate,
  nearValid,
  oddValue,
  type Path,
  pathsOf,
  viaJson,
} from './fuzz-testing'
import type { WeeklyBlock } from './schedule/schema'
import { validateSchedule } from './schedule/validate'
import { DEFAULT_SETTINGS, SETTINGS_VERSION, Settings } from './settings'
import { checkImport, type ImportCheck, parseImportText } from './settings-import'
import { SITES } from './sites'

/** Generous: the runs take a few seconds, more on a loaded machine, and must not time out. */
const FUZZ = { timeout: 60_000 }
const NOW = Date.UTC(2026, 10, 24, 9)
const SITE_IDS = SITES.map((s) => s.id)

// ---------------------------------------------------------------- valid settings of every shape

const minute = fc.integer({ min: 0, max: 1439 })
const range = fc
  .tuple(minute, minute)
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => ({ start, end }))

const block: fc.Arbitrary<WeeklyBlock> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 64 }),
    label: fc.string({ maxLength: 60 }).filter((s) => s.trim() !== ''),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    start: minute,
    // Short blocks, so that a few of them often fit in a week without overlapping.
    length: fc.integer({ min: 1, max: 180 }),
  })
  .map(({ length, ...b }) => ({ ...b, end: (b.start + length) % 1440 }))

const schedule = fc
  .record({
    blocks: fc.array(block, { maxLength: 3 }),
    workingHours: fc.array(fc.option(range), { minLength: 7, maxLength: 7 }) as fc.Arbitrary<
      Settings['schedule']['workingHours']
    >,
    offHours: fc.boolean(),
  })
  .filter((s) => validateSchedule(s).ok)

const identity: fc.Arbitrary<Identity> = fc.record({
  kind: fc.constantFrom('email' as const, 'domain' as const, 'name' as const, 'handle' as const),
  value: fc.constantFrom('ana@acme.com', 'acme.com', 'José Pérez', '@ana', '+34 600 111 222'),
  site: fc.oneof(fc.constant(''), fc.constantFrom(...SITE_IDS)),
})

const client: fc.Arbitrary<Client> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 40 }),
    name: fc.string({ minLength: 1, maxLength: 80 }).map((s) => s.trim() || 'x'),
    colour: fc.constantFrom('#2563eb', '#ABCDEF', '#000000'),
    identities: fc.array(identity, { maxLength: 3 }),
    tier: fc.constantFrom('priority' as const, 'standard' as const, 'low-tolerance' as const),
    responseHours: fc.integer({ min: 1, max: 168 }),
    note: fc.string({ maxLength: 500 }),
    ...breakthroughOptions,
  })
  .map((c) => testClient(c.id, c))

const rules: fc.Arbitrary<Rules> = fc
  .record({
    clients: fc.array(client, { maxLength: 4 }),
    emergency: fc.array(identity, { maxLength: 2 }),
    keywords: fc.subarray([...DEFAULT_KEYWORDS, 'plazo', 'deadline']),
    emergencyChannel: fc.oneof(fc.constant(''), fc.constantFrom(...SITE_IDS)),
  })
  .filter((r) => validateRules(r).ok)

const settings: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(SETTINGS_VERSION as typeof SETTINGS_VERSION),
  schedule,
  unwatched: fc.subarray(SITE_IDS),
  rules,
  history: fc.record({
    retentionDays: fc.integer({ min: 1, max: 3650 }),
    interruptionMinutes: fc.integer({ min: 1, max: 120 }),
  }),
})

const SCHEDULE = {
  blocks: [{ id: 'b1', label: 'Backoffice', days: [1, 2], start: 540, end: 660 }],
  workingHours: [null, { start: 540, end: 1080 }, null, null, null, null, null],
  offHours: true,
} satisfies Settings['schedule']

// ---------------------------------------------------------------- what every answer must be

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const x of Object.values(v)) deepFreeze(x)
  }
  return v
}

/** Every key path and array length of a JSON-like value, as strings. */
const shapeOf = (v: unknown): string[] =>
  pathsOf(v).map((p) => {
    const node = p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], v)
    return Array.isArray(node) ? `${p.join('.')}[${node.length}]` : p.join('.')
  })

/** Runs the import on a frozen copy: writing to its input would throw. */
function importOf(raw: unknown): ImportCheck {
  const check = checkImport(deepFreeze(raw))
  // Nothing reached a prototype through a `__proto__` or `constructor` key.
  expect(Object.keys(Object.prototype)).toEqual([])
  expect(Object.keys(Array.prototype)).toEqual([])
  return check
}

/** Taken: valid by every check, stable through another export. Refused: errors on paths. */
function expectAnswer(check: ImportCheck): void {
  if (check.ok) {
    expect(Settings.safeParse(check.settings).success).toBe(true)
    expect(validateSchedule(check.settings.schedule).ok).toBe(true)
    expect(validateRules(check.settings.rules).ok).toBe(true)
    const again = checkImport(viaJson(settingsFile(check.settings, NOW)))
    // Compared as JSON: a file's -0 is taken as -0 and written back as 0, the same setting.
    expect(again.ok && viaJson(again.settings)).toEqual(viaJson(check.settings))
    return
  }
  expect(check.errors.length).toBeGreaterThan(0)
  for (const e of check.errors) {
    expect(typeof e.path).toBe('string')
    expect(e.code).toMatch(/^[a-z][a-z.-]*$/)
    expect(e.message.length).toBeGreaterThan(0)
  }
}

describe('settings import, fuzzed', FUZZ, () => {
  it('takes back any valid settings exactly, from the exported text and as a bare object', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const text = parseImportText(settingsFileText(s, NOW))
        expect(text.ok).toBe(true)
        expect(importOf(text.ok ? text.value : null)).toEqual({ ok: true, settings: s })
        expect(importOf(viaJson(s))).toEqual({ ok: true, settings: s })
      }),
      { numRuns: 300 },
    )
  })

  it('answers a real export with parts removed, retyped or added, and drops nothing silently', () => {
    fc.assert(
      fc.property(
        settings.map((s) => viaJson(settingsFile(s, NOW))).chain((f) => nearValid(fc.constant(f))),
        (file) => {
          const check = importOf(file)
          expectAnswer(check)
          const inner = (file as { settings?: { version?: unknown } } | undefined)?.settings
          if (check.ok && inner?.version === SETTINGS_VERSION)
            // Every key and every list item of the file is in what was taken (values may be
            // normalised, such as a trimmed client name).
            expect(shapeOf(viaJson(check.settings))).toEqual(shapeOf(viaJson(inner)))
        },
      ),
      { numRuns: 1_000 },
    )
  })

  it('refuses a key it does not know inside the schedule, rather than drop it (found by the fuzz)', () => {
    const file = viaJson(settingsFile({ ...DEFAULT_SETTINGS, schedule: SCHEDULE }, NOW))
    for (const [path, key] of [
      [['settings', 'schedule'], ''],
      [['settings', 'schedule', 'workingHours', 1], 'lunch'],
      [['settings', 'schedule', 'blocks', 0], 'colour'],
    ] as [Path, string][]) {
      const check = importOf(mutate(file, path, { op: 'add', key, value: 1 }))
      const at = [...path.slice(1), key].join('.')
      expect(check).toEqual({
        ok: false,
        errors: [{ path: at, code: 'unknown-field', message: 'Margen has no such setting' }],
      })
    }
  })

  it('names the part of the settings a refusal is about', () => {
    fc.assert(
      fc.property(
        settings.chain((s) => {
          const file = viaJson(settingsFile(s, NOW))
          const paths = pathsOf(file).filter((p) => p[0] === 'settings' && p.length > 1)
          return fc.tuple(fc.constant(file), fc.constantFrom(...paths), oddValue)
        }),
        ([file, path, value]: [unknown, Path, unknown]) => {
          const check = importOf(mutate(file, path, { op: 'set', value }))
          expectAnswer(check)
          if (check.ok) return
          // An error on the changed field, on one of its parents or children, or (for rules
          // between fields such as overlapping blocks) elsewhere in the same part.
          const part = String(path[1])
          expect(check.errors.some((e) => e.path === part || e.path.startsWith(`${part}.`))).toBe(
            true,
          )
        },
      ),
      { numRuns: 500 },
    )
  })

  it('answers any change to the text of a real export', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 20 }),
      put: fc.oneof(
        fc.string({ maxLength: 4 }),
        fc.constantFrom('"', '{', '}', ',', ':', '\\', '\u2028', '\uFEFF'),
      ),
    })
    fc.assert(
      fc.property(settings, fc.array(edit, { minLength: 1, maxLength: 3 }), (s, edits) => {
        let text = settingsFileText(s, NOW)
        for (const { at, cut, put } of edits) {
          const i = at % (text.length + 1)
          text = text.slice(0, i) + put + text.slice(i + cut)
        }
        const parsed = parseImportText(text)
        if (!parsed.ok) {
          expect(parsed.errors).toHaveLength(1)
          const [e] = parsed.errors
          if (e?.code === 'not-json' && e.params) {
            expect(e.params.line).toBeGreaterThanOrEqual(1)
            expect(e.params.line).toBeLessThanOrEqual(text.split('\n').length)
          }
          return
        }
        expectAnswer(importOf(parsed.value))
      }),
      { numRuns: 500 },
    )
  })
})
