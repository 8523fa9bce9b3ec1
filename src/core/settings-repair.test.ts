/**
 * Stored settings are repaired field by field: a broken field goes back to its default, a broken
 * list item is repaired where it can be (a client) or left out (a block), unknown fields are
 * removed, and every one of them is reported by path. Whatever JSON is stored, loading gives valid
 * settings and never throws; one broken part never costs the others.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES } from './clients/schema'
import { testClient } from './clients/testing'
import { DEFAULT_SETTINGS, loadSettings, Repair, Settings } from './settings'

const rich: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: {
    blocks: [
      { id: 'b1', label: 'Backoffice', days: [1, 3], start: 9 * 60, end: 11 * 60 },
      { id: 'b2', label: 'Deep work', days: [2], start: 22 * 60, end: 60 },
      { id: 'b3', label: 'Friday', days: [5], start: 14 * 60, end: 16 * 60 },
    ],
    workingHours: [
      null,
      { start: 480, end: 1020 },
      { start: 480, end: 1020 },
      { start: 600, end: 1080 },
      { start: 480, end: 1020 },
      { start: 480, end: 900 },
      null,
    ],
    offHours: true,
  },
  unwatched: ['slack', 'teams'],
  rules: {
    ...DEFAULT_RULES,
    clients: [
      testClient('acme', {
        tier: 'priority',
        identities: [
          { kind: 'domain', value: 'acme.com', site: '' },
          { kind: 'email', value: 'ana@acme.com', site: 'gmail' },
        ],
      }),
      testClient('beta', { identities: [{ kind: 'name', value: 'Luis Gil', site: '' }] }),
      testClient('gamma', { tier: 'low-tolerance', note: 'pays late' }),
    ],
    emergency: [{ kind: 'handle', value: '@boss', site: 'slack' }],
    emergencyChannel: 'whatsapp',
  },
  history: { retentionDays: 90, interruptionMinutes: 15 },
}

describe('settings repair, field by field', () => {
  it('starts from valid settings', () => {
    expect(Settings.parse(rich)).toEqual(rich)
    expect(loadSettings(rich)).toEqual({ settings: rich, repairs: [], migrated: false })
  })

  it('repairs a client field by field: its id, name and good identities stay', () => {
    const acme = rich.rules.clients[0]!
    const broken = {
      ...acme,
      tier: 'vip',
      responseHours: -3,
      identities: [...acme.identities, { kind: 'fax', value: '123', site: '' }],
    }
    const clients = [broken, ...rich.rules.clients.slice(1)]
    const { settings, repairs } = loadSettings({ ...rich, rules: { ...rich.rules, clients } })
    expect(settings.rules.clients[0]).toEqual({ ...acme, tier: 'standard', responseHours: 24 })
    expect(settings.rules.clients.slice(1)).toEqual(rich.rules.clients.slice(1))
    expect(repairs.map((r) => [r.path, r.fix])).toEqual([
      ['rules.clients.0.identities.2', 'left-out'],
      ['rules.clients.0.tier', 'default'],
      ['rules.clients.0.responseHours', 'default'],
    ])
  })

  it('leaves out a client without a readable id, naming it, and keeps the rest', () => {
    const clients = rich.rules.clients.map((c, i) => (i === 1 ? { ...c, id: 7 } : c))
    const { settings, repairs } = loadSettings({ ...rich, rules: { ...rich.rules, clients } })
    expect(settings.rules.clients.map((c) => c.id)).toEqual(['acme', 'gamma'])
    expect(repairs).toMatchObject([{ path: 'rules.clients.1', fix: 'left-out', label: 'Beta' }])
    expect(settings.rules.emergency).toEqual(rich.rules.emergency)
  })

  it('leaves out a block with a bad time, named by its label; never invents its times', () => {
    const blocks = rich.schedule.blocks.map((b, i) => (i === 1 ? { ...b, start: 2000 } : b))
    const { settings, repairs } = loadSettings({ ...rich, schedule: { ...rich.schedule, blocks } })
    expect(settings.schedule.blocks.map((b) => b.id)).toEqual(['b1', 'b3'])
    expect(settings.schedule.workingHours).toEqual(rich.schedule.workingHours)
    expect(repairs).toMatchObject([
      { path: 'schedule.blocks.1', fix: 'left-out', label: 'Deep work' },
    ])
  })

  it('repairs one day of working hours, not the week', () => {
    const workingHours = [...rich.schedule.workingHours]
    workingHours[3] = { start: 600, end: 600 }
    const { settings, repairs } = loadSettings({
      ...rich,
      schedule: { ...rich.schedule, workingHours },
    })
    expect(settings.schedule.workingHours).toEqual(
      rich.schedule.workingHours.map((d, i) =>
        i === 3 ? DEFAULT_SETTINGS.schedule.workingHours[3] : d,
      ),
    )
    expect(repairs).toMatchObject([{ path: 'schedule.workingHours.3', fix: 'default' }])
  })

  it('removes and reports unknown fields, at the top and inside a strict object', () => {
    const clients = rich.rules.clients.map((c, i) => (i === 2 ? { ...c, vip: true } : c))
    const { settings, repairs } = loadSettings({
      ...rich,
      theme: 'dark',
      rules: { ...rich.rules, clients },
    })
    expect(settings).toEqual(rich)
    expect(repairs.map((r) => [r.path, r.fix])).toEqual([
      ['theme', 'removed'],
      ['rules.clients.2.vip', 'removed'],
    ])
  })

  it('keeps the reported path short whatever the stored key, so the notice can be stored', () => {
    const { settings, repairs } = loadSettings({ ...rich, ['x'.repeat(5000)]: 1 })
    expect(settings).toEqual(rich)
    expect(repairs).toHaveLength(1)
    expect(Repair.safeParse(repairs[0]).success).toBe(true)
  })

  it('reports keys a non-strict part would drop unseen (a block, the schedule)', () => {
    const blocks = rich.schedule.blocks.map((b, i) => (i === 0 ? { ...b, colour: 'red' } : b))
    const { settings, repairs } = loadSettings({
      ...rich,
      schedule: { ...rich.schedule, blocks, zone: 'Europe/Madrid' },
    })
    expect(settings).toEqual(rich)
    expect(repairs.map((r) => [r.path, r.fix])).toEqual([
      ['schedule.blocks.0.colour', 'removed'],
      ['schedule.zone', 'removed'],
    ])
  })

  it('reads 1,000 clients of 50 identities each with nothing to report', () => {
    const clients = Array.from({ length: 1000 }, (_, i) =>
      testClient(`c${i}`, {
        identities: Array.from({ length: 50 }, (_, j) => ({
          kind: 'email' as const,
          value: `p${j}@c${i}.com`,
          site: '' as const,
        })),
      }),
    )
    const big = { ...rich, rules: { ...rich.rules, clients } }
    // Timing is a benchmark's job (DESIGN.md); this one only checks the walk over every
    // identity finds nothing to report in valid settings, and keeps them whole.
    expect(loadSettings(big)).toEqual({ settings: big, repairs: [], migrated: false })
  })

  it('keeps every field of settings with a broken version, and says so', () => {
    const { settings, repairs } = loadSettings({ ...rich, version: '4' })
    expect(settings).toEqual(rich)
    expect(repairs).toMatchObject([{ path: 'version', fix: 'default' }])
  })

  it('keeps as many items as a list allows, and reports the rest', () => {
    const blocks = Array.from({ length: 103 }, (_, i) => ({
      id: `b${i}`,
      label: `Block ${i}`,
      days: [i % 7],
      start: 60,
      end: 120,
    }))
    const { settings, repairs } = loadSettings({ ...rich, schedule: { ...rich.schedule, blocks } })
    expect(settings.schedule.blocks).toEqual(blocks.slice(0, 100))
    expect(repairs).toMatchObject([{ path: 'schedule.blocks', fix: 'left-out' }])
  })

  it('migrates stored v1, v2 and v3 shapes as those versions wrote them, losing nothing', () => {
    const { version: _v, unwatched, rules, history, ...v1 } = { ...rich, version: 1 }
    const v2 = { ...v1, version: 2, unwatched }
    const v3 = { ...v2, version: 3, rules }
    expect(loadSettings({ ...v1, version: 1 })).toMatchObject({
      settings: { ...rich, unwatched: [], rules: DEFAULT_RULES, history: { retentionDays: 30 } },
      repairs: [],
      migrated: true,
    })
    expect(loadSettings(v2).settings).toEqual({
      ...rich,
      rules: DEFAULT_RULES,
      history: DEFAULT_SETTINGS.history,
    })
    expect(loadSettings(v3)).toEqual({
      settings: { ...rich, history: DEFAULT_SETTINGS.history },
      repairs: [],
      migrated: true,
    })
    expect(history).toBeDefined()
  })
})

/** Every path into `value` that ends at a field, an item or a leaf. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = at.length > 0 ? [at] : []
  if (Array.isArray(value))
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...at, i]))
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]))
  return out
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path.at(-1)!] = value
  return copy
}

const PATHS = pathsOf(rich)
const runs = { numRuns: 1000 }

describe('settings repair, properties', () => {
  it('any JSON at all gives valid settings and a list of repairs, and never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (stored) => {
        const { settings, repairs } = loadSettings(stored)
        expect(Settings.safeParse(settings).success).toBe(true)
        for (const r of repairs) expect(Repair.safeParse(r).success).toBe(true)
        // Loading the result again finds nothing more to repair: repairs converge in one pass.
        expect(loadSettings(settings)).toEqual({ settings, repairs: [], migrated: false })
      }),
      runs,
    )
  }, 60_000)

  it('one field replaced by any JSON: repairs stay on that path, every other part is kept', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.jsonValue(), (path, junk) => {
        const stored = setAt(rich, path, junk)
        const { settings, repairs } = loadSettings(stored)
        expect(Settings.safeParse(settings).success).toBe(true)
        const dotted = path.join('.')
        for (const r of repairs)
          expect(dotted.startsWith(r.path) || r.path.startsWith(dotted)).toBe(true)
        // Top-level parts away from the broken path are exactly as they were.
        for (const key of Object.keys(rich) as (keyof Settings)[])
          if (key !== path[0]) expect(settings[key]).toEqual(rich[key])
        // So are the other clients and blocks.
        const [top, list, index] = path
        if (typeof index === 'number') {
          const before = (rich as unknown as Record<string, Record<string, unknown[]>>)[top!]![
            list!
          ]!
          const after = (settings as unknown as Record<string, Record<string, unknown[]>>)[top!]![
            list!
          ]!
          before.forEach((item, i) => {
            if (i !== index) expect(after).toContainEqual(item)
          })
        }
        // Nothing valid is reported: when the junk happens to be valid, no repair is listed.
        if (Settings.safeParse(stored).success) expect(repairs).toEqual([])
      }),
      runs,
    )
  }, 60_000)
})
