import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { identity, rulesWith, testClient } from './clients/testing'
import { validateRules } from './clients/validate'
import { settingsFile } from './export/settings-file'
import { backofficeBlock as block } from './schedule/testing'
import { validateSchedule } from './schedule/validate'
import { DEFAULT_HISTORY, DEFAULT_SETTINGS, SETTINGS_VERSION, Settings } from './settings'
import {
  checkImport,
  IMPORT_MAX_BYTES,
  type ImportCheck,
  type ImportError,
  parseImportText,
} from './settings-import'

const NOW = Date.UTC(2026, 10, 24, 9)

/** Settings with something in every part, so that a round trip has something to lose. */
const RICH: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: {
    ...DEFAULT_SETTINGS.schedule,
    blocks: [block(), block({ id: 'b2', label: 'Noche', days: [5], start: 22 * 60, end: 60 })],
    offHours: true,
  },
  unwatched: ['slack'],
  rules: rulesWith({
    clients: [
      testClient('acme', {
        tier: 'priority',
        identities: [identity('email', 'ana@acme.com'), identity('domain', 'acme.com', 'gmail')],
        note: 'Pays in 30 days; “urgente” means it',
      }),
      testClient('zeta', { name: 'Zeta Estudio', identities: [identity('handle', '@zeta')] }),
    ],
    emergency: [identity('name', 'Mamá', 'whatsapp')],
    emergencyChannel: 'whatsapp',
  }),
  history: { retentionDays: 90, interruptionMinutes: 15 },
}

/** What a file goes through: written as text, read back as JSON. */
const viaFile = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

const errorsOf = (check: ImportCheck): ImportError[] => (check.ok ? [] : check.errors)
const pathsAndCodes = (check: ImportCheck) => errorsOf(check).map((e) => `${e.path} ${e.code}`)

describe('checkImport: what is accepted', () => {
  it('takes back an exported file exactly', () => {
    for (const settings of [DEFAULT_SETTINGS, RICH]) {
      const check = checkImport(viaFile(settingsFile(settings, NOW)))
      expect(check).toEqual({ ok: true, settings })
    }
  })

  it('takes a bare settings object with a version, as stored', () => {
    expect(checkImport(viaFile(RICH))).toEqual({ ok: true, settings: RICH })
  })

  it('migrates older settings versions, filling what they did not have with defaults', () => {
    const { history: _h, ...v3 } = RICH
    const fromV3 = checkImport(settingsFile({ ...v3, version: 3 } as unknown as Settings, NOW))
    expect(fromV3).toEqual({ ok: true, settings: { ...RICH, history: DEFAULT_HISTORY } })

    const v1 = { version: 1, schedule: RICH.schedule }
    expect(checkImport(v1)).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, schedule: RICH.schedule },
    })
  })

  it('ignores what it does not know in the envelope, not in the settings', () => {
    const file = { ...settingsFile(RICH, NOW), app: 'Margen 0.1.0' }
    expect(checkImport(viaFile(file)).ok).toBe(true)
    const extra = { ...settingsFile(RICH, NOW), settings: { ...RICH, theme: 'dark' } }
    expect(pathsAndCodes(checkImport(viaFile(extra)))).toEqual(['theme unknown-field'])
  })
})

describe('checkImport: what is refused, all of it at once', () => {
  it('lists every problem of a malformed file, each on its path, and repairs none', () => {
    const file = viaFile(settingsFile(RICH, NOW)) as { settings: Record<string, unknown> }
    const s = file.settings as {
      schedule: { blocks: Record<string, unknown>[]; offHours: unknown }
      rules: { clients: { identities: Record<string, unknown>[] }[]; emergencyChannel: unknown }
      history: Record<string, unknown>
      unwatched: unknown
    }
    s.schedule.blocks[0] = { ...s.schedule.blocks[0], start: 1500 }
    s.schedule.blocks[1] = { ...s.schedule.blocks[1], label: '  ' }
    s.schedule.offHours = 'yes'
    s.rules.clients[1]!.identities[0] = { kind: 'handle', value: '@zeta', site: 'myspace' }
    s.rules.emergencyChannel = 'myspace'
    s.history.retentionDays = '30'
    s.history.interruptionMinutes = 0
    s.unwatched = ['gmail', 'gmail', 'friendster']
    delete (s as Record<string, unknown>).version

    const check = checkImport(file)
    expect(check.ok).toBe(false)
    expect(pathsAndCodes(check).sort()).toEqual(
      [
        'version version-missing',
        'schedule.blocks.0.start invalid',
        'schedule.blocks.1.label label-empty',
        'schedule.offHours invalid',
        'rules.clients.1.identities.0.site invalid',
        'rules.emergencyChannel invalid',
        'history.retentionDays invalid',
        'history.interruptionMinutes interruption-minutes',
        'unwatched.2 invalid',
      ].sort(),
    )
    for (const e of errorsOf(check)) expect(e.message).not.toBe('')
  })

  it('reports rules between fields: overlapping blocks, a client name used twice', () => {
    const settings = {
      ...RICH,
      schedule: {
        ...RICH.schedule,
        blocks: [block(), block({ id: 'b2', label: 'Calls', start: 10 * 60, end: 12 * 60 })],
      },
      rules: rulesWith({ clients: [testClient('acme'), testClient('other', { name: 'ACME' })] }),
    }
    const errors = errorsOf(checkImport(settingsFile(settings, NOW)))
    expect(errors).toContainEqual({
      path: 'schedule.blocks.0',
      code: 'overlap',
      message: 'Overlaps another block',
      params: { other: 1, day: 1 },
    })
    expect(errors).toContainEqual(
      expect.objectContaining({ path: 'rules.clients.1.name', code: 'duplicate-name' }),
    )
  })

  it('says a missing part is missing', () => {
    const { schedule: _s, rules: _r, ...rest } = RICH
    const check = checkImport({ format: 'margen-settings', formatVersion: 1, settings: rest })
    expect(pathsAndCodes(check).sort()).toEqual(['rules missing', 'schedule missing'])
  })

  it('refuses what is not a Margen settings file, with one clear error', () => {
    for (const raw of [null, 42, 'settings', [], [RICH], {}, { blocks: [] }, { schedule: {} }])
      expect(pathsAndCodes(checkImport(raw))).toEqual([' not-settings'])
    expect(pathsAndCodes(checkImport({ format: 'other-app', settings: RICH }))).toEqual([
      'format not-settings',
    ])
    expect(pathsAndCodes(checkImport({ format: 'margen-settings', formatVersion: 1 }))).toEqual([
      'settings missing',
    ])
    expect(
      pathsAndCodes(checkImport({ format: 'margen-settings', formatVersion: '1', settings: [] })),
    ).toEqual(['formatVersion invalid', 'settings not-settings'])
  })

  it('refuses files and settings from a newer Margen rather than guess', () => {
    const newer = checkImport({ ...settingsFile(RICH, NOW), formatVersion: 2 })
    expect(errorsOf(newer)).toEqual([
      {
        path: 'formatVersion',
        code: 'format-newer',
        message: 'This file was made by a newer version of Margen',
        params: { version: 2 },
      },
    ])
    const future = { ...RICH, version: SETTINGS_VERSION + 1, hologram: true }
    expect(pathsAndCodes(checkImport(future))).toEqual(['version version-newer'])
    expect(pathsAndCodes(checkImport({ ...RICH, version: 2.5 }))).toEqual([
      'version version-invalid',
    ])
  })
})

describe('checkImport: any JSON', () => {
  /** What a successful import must be: valid by the schema and by both forms' own checks. */
  function expectValid(check: ImportCheck) {
    if (check.ok) {
      expect(Settings.safeParse(check.settings).success).toBe(true)
      expect(validateSchedule(check.settings.schedule).ok).toBe(true)
      expect(validateRules(check.settings.rules).ok).toBe(true)
    } else {
      expect(check.errors.length).toBeGreaterThan(0)
      const keys = check.errors.map((e) => JSON.stringify([e.path, e.code, e.message, e.params]))
      expect(new Set(keys).size).toBe(keys.length)
    }
  }

  it('gives valid settings or a non-empty list of distinct errors, never throws', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectValid(checkImport(value))))
  })

  it('holds for any one part of a real file replaced by any JSON', () => {
    const file = viaFile(settingsFile(RICH, NOW))
    const paths = leafPaths(file)
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const copy = viaFile(file)
        setAt(copy, path, value)
        expectValid(checkImport(copy))
      }),
      { numRuns: 500 },
    )
  })
})

describe('parseImportText', () => {
  it('reads JSON, with or without a byte order mark', () => {
    expect(parseImportText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    expect(parseImportText('\uFEFF[1, "ñ"]')).toEqual({ ok: true, value: [1, 'ñ'] })
  })

  it('says where the JSON breaks, by line and column', () => {
    const check = parseImportText('{\n  "a": 1,\n  "b": }\n')
    expect(check.ok).toBe(false)
    const [e] = check.ok ? [] : check.errors
    expect(e).toMatchObject({ path: '', code: 'not-json', params: { line: 3, column: 8 } })
    expect(e?.message).toMatch(/^The file is not valid JSON: /)
  })

  it('refuses an empty file and one over 5 MB, counting bytes as UTF-8', () => {
    expect(parseImportText(' \n ')).toMatchObject({ ok: false, errors: [{ code: 'empty' }] })
    expect(parseImportText('')).toMatchObject({ ok: false, errors: [{ code: 'empty' }] })
    const big = `"${'a'.repeat(IMPORT_MAX_BYTES)}"`
    expect(parseImportText(big)).toMatchObject({ ok: false, errors: [{ code: 'too-big' }] })
    // 2 bytes each: 2.7 M of them is 5.4 MB though only 2.7 M characters.
    const accents = `"${'ñ'.repeat(2_700_000)}"`
    expect(parseImportText(accents)).toMatchObject({ ok: false, errors: [{ code: 'too-big' }] })
    const fits = `"${'ñ'.repeat(2_500_000)}"`
    expect(parseImportText(fits).ok).toBe(true)
  })

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = parseImportText(text)
        if (!out.ok) expect(out.errors).toHaveLength(1)
      }),
    )
  })
})

type Path = (string | number)[]

function leafPaths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => leafPaths(v, [...at, i]))]
  if (typeof value === 'object' && value !== null)
    return [at, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]))]
  return [at]
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path.at(-1)
  if (last !== undefined) node[last] = value
}
