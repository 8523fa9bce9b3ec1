import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES } from './clients/schema'
import { backofficeBlock as block } from './schedule/testing'
import {
  DEFAULT_HISTORY,
  DEFAULT_SETTINGS,
  loadSettings,
  SETTINGS_VERSION,
  type Settings,
} from './settings'

const valid: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: { ...DEFAULT_SETTINGS.schedule, blocks: [block()], offHours: true },
}

describe('loadSettings', () => {
  it('gives the defaults, with nothing to report, when nothing is stored', () => {
    expect(loadSettings(undefined)).toEqual({
      settings: DEFAULT_SETTINGS,
      repairs: [],
      migrated: false,
    })
  })

  it('keeps valid settings as they are', () => {
    expect(loadSettings(valid)).toEqual({ settings: valid, repairs: [], migrated: false })
  })

  it('migrates unversioned and version-1 settings: every site watched, default rules', () => {
    const { version: _v, unwatched: _u, rules: _r, ...old } = valid
    expect(loadSettings(old)).toEqual({ settings: valid, repairs: [], migrated: true })
    expect(loadSettings({ ...old, version: 1 })).toEqual({
      settings: valid,
      repairs: [],
      migrated: true,
    })
  })

  it('migrates version-2 settings: no clients yet, the default urgent keywords', () => {
    const { rules: _r, ...v2 } = { ...valid, version: 2, unwatched: ['slack'] }
    const { settings, repairs } = loadSettings(v2)
    expect(repairs).toEqual([])
    expect(settings.unwatched).toEqual(['slack'])
    expect(settings.rules).toEqual(DEFAULT_RULES)
    expect(settings.rules.keywords).toContain('urgente')
  })

  it('migrates version-3 settings: 30 days of history, 23 minutes per interruption', () => {
    const { history: _h, ...v3 } = { ...valid, version: 3, unwatched: ['teams'] }
    const { settings, repairs } = loadSettings(v3)
    expect(repairs).toEqual([])
    expect(settings).toEqual({ ...valid, unwatched: ['teams'], history: DEFAULT_HISTORY })
    expect(DEFAULT_HISTORY).toEqual({ retentionDays: 30, interruptionMinutes: 23 })
  })

  it('repairs a broken history field alone', () => {
    const { settings, repairs } = loadSettings({
      ...valid,
      history: { retentionDays: 0, interruptionMinutes: 15 },
    })
    expect(settings.history).toEqual({ retentionDays: 30, interruptionMinutes: 15 })
    expect(repairs.map((r) => r.path)).toEqual(['history.retentionDays'])
  })

  it('repairs one broken client and keeps the others', () => {
    const good = {
      id: 'c1',
      name: 'Acme',
      colour: '#aa3300',
      identities: [{ kind: 'domain', value: 'acme.com', site: '' }],
      tier: 'priority',
      responseHours: 24,
      note: '',
      keywords: true,
      repeat: null,
      channel: true,
      quota: 3,
    }
    const broken = { ...good, id: 'c2', name: 'Beta', colour: 'blue' }
    const { settings, repairs } = loadSettings({
      ...valid,
      rules: { ...DEFAULT_RULES, clients: [good, broken] },
    })
    // Beta keeps its id, name and identities; only its colour goes back to a new client's.
    expect(settings.rules.clients).toEqual([good, { ...broken, colour: '#6b7280' }])
    expect(repairs).toMatchObject([{ path: 'rules.clients.1.colour', fix: 'default' }])
    expect(settings.schedule).toEqual(valid.schedule)
  })

  it('refuses unknown site ids in the unwatched list, keeping the known ones', () => {
    const { settings, repairs } = loadSettings({ ...valid, unwatched: ['slack', 'myspace'] })
    expect(settings.unwatched).toEqual(['slack'])
    expect(repairs).toMatchObject([{ path: 'unwatched.1', fix: 'left-out' }])
  })

  it('repairs one broken field to its default and reports it, keeping the rest', () => {
    const { settings, repairs } = loadSettings({
      ...valid,
      schedule: { ...valid.schedule, offHours: 'yes' },
    })
    expect(settings.schedule.offHours).toBe(false)
    expect(settings.schedule.blocks).toEqual(valid.schedule.blocks)
    expect(repairs.map((r) => r.path)).toEqual(['schedule.offHours'])
  })

  it('leaves out a broken block, reported by its index, and keeps the others', () => {
    const blocks = [
      block(),
      block({ id: 'b2', start: 600, end: 600 }),
      block({ id: 'b3', days: [6] }),
    ]
    const { settings, repairs } = loadSettings({
      ...valid,
      schedule: { ...valid.schedule, blocks },
    })
    expect(settings.schedule.blocks.map((b) => b.id)).toEqual(['b1', 'b3'])
    expect(repairs).toHaveLength(1)
    expect(repairs[0]?.path).toBe('schedule.blocks.1')
    expect(repairs[0]?.problem).toMatch(/end-equals-start/)
  })

  it('never throws, whatever is stored', () => {
    for (const junk of [null, 42, 'x', [], { version: 'one' }, { version: 99, schedule: null }]) {
      const { settings, repairs } = loadSettings(junk)
      expect(settings.version).toBe(SETTINGS_VERSION)
      expect(settings.schedule).toEqual(DEFAULT_SETTINGS.schedule)
      expect(repairs.length).toBeGreaterThan(0)
    }
  })
})
