/**
 * The focus machine under a clock that jumps, a time zone that changes and a machine that sleeps.
 * The real focus machine runs on the real store (Dexie over fake-indexeddb) with an injected
 * clock; only the browser is a small in-memory stand-in (alarms, storage, notifications), since
 * Node has none. Alarms fire only when a test says so, as after a sleep: late, and once.
 *
 * What is proved, with blocks in the system's time zone (core/schedule/local-time):
 * - a block that ran out while the machine slept ends at its scheduled end with exactly one late
 *   digest, on whichever wake-up comes first (an overdue alarm, the idle "active" event, a
 *   capture); the others find nothing to do;
 * - a clock set back into a block that already ended brings back neither the session nor its
 *   digest (an occurrence ends once); the next day's occurrence runs as usual;
 * - a clock set back out of a running block ends it once, and it does not come back;
 * - a time-zone change mid-block is followed at the next recompute (the 5-minute tick): if the
 *   block is still in force on the new wall clock, the same session goes on with its end moved
 *   and the end alarm with it; if not, it ends once and the same occurrence does not start again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../core/settings'
import type { MargenDb, SessionRow } from '../store/db'
import { openDb } from '../store/db'
import { createSettingsStore } from '../store/settings'
import { testCapture } from '../store/testing'
import { createFocusMachine, END_ALARM, TICK_ALARM } from './focus-machine'
import { type BgBrowser, createText } from './ports'

const MIN = 60_000

interface Alarm {
  name: string
  scheduledTime: number
  periodInMinutes?: number
}

/** The parts of the browser the focus machine uses, in memory. */
function fakeBrowser(clock: { t: number }) {
  const alarms = new Map<string, Alarm>()
  const local = new Map<string, unknown>()
  const shown: { id: string; title: string }[] = []
  const browser = {
    runtime: { id: 'margen', getURL: (p: string) => `chrome-extension://margen/${p}` },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
    storage: {
      local: {
        get: async (key: string) => (local.has(key) ? { [key]: local.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) local.set(k, v)
        },
      },
    },
    alarms: {
      get: async (name: string) => alarms.get(name),
      clear: async (name: string) => alarms.delete(name),
      create: async (name: string, info: { when?: number; periodInMinutes?: number }) => {
        const scheduledTime = info.when ?? clock.t + (info.periodInMinutes ?? 0) * MIN
        alarms.set(name, { name, scheduledTime, periodInMinutes: info.periodInMinutes })
      },
    },
    notifications: {
      create: async (id: string, options: { title: string }) => {
        shown.push({ id, title: options.title })
        return id
      },
    },
    action: {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
    tabs: { query: async () => [], update: async () => undefined },
  }
  return { browser: browser as unknown as BgBrowser, alarms, local, shown }
}

let db: MargenDb
let n = 0
const savedTz = process.env.TZ

function setZone(zone: string) {
  process.env.TZ = zone
}

beforeEach(() => {
  setZone('Europe/Madrid')
  db = openDb(`clock-${n++}-${Math.random()}`)
})
afterEach(async () => {
  if (savedTz === undefined) delete process.env.TZ
  else process.env.TZ = savedTz
  await db.delete()
})

/** Tuesday 10 March 2026 in Madrid (UTC+1, before the DST change of 29 March). */
const madrid = (hh: number, mm = 0, day = 10) => Date.UTC(2026, 2, day, hh - 1, mm)
const BLOCK = { id: 'b1', label: 'Backoffice', days: [1, 2, 3, 4, 5], start: 9 * 60, end: 11 * 60 }
const settings = {
  ...DEFAULT_SETTINGS,
  schedule: {
    blocks: [BLOCK],
    workingHours: DEFAULT_SETTINGS.schedule.workingHours.map(() => null),
    offHours: false,
  },
}

async function setUp(start: number) {
  const clock = { t: start }
  const fake = fakeBrowser(clock)
  const now = () => clock.t
  await createSettingsStore(db, now).write(settings as typeof DEFAULT_SETTINGS)
  const machine = createFocusMachine({ browser: fake.browser, db, now }, createText(fake.browser))
  /** Chrome after a wake: every overdue alarm fires once; a periodic one is scheduled again. */
  async function fireDue() {
    const due = [...fake.alarms.values()].filter((a) => a.scheduledTime <= clock.t)
    for (const a of due) {
      if (a.periodInMinutes) a.scheduledTime = clock.t + a.periodInMinutes * MIN
      else fake.alarms.delete(a.name)
    }
    // app.onAlarm: both the end alarm and the tick recompute.
    for (const a of due)
      if (a.name === END_ALARM || a.name === TICK_ALARM) await machine.reconcile()
    return due.map((a) => a.name)
  }
  const sessions = async () => db.sessions.orderBy('startedAt').toArray()
  const active = async () => (await sessions()).find((s) => s.state === 'active')
  const hold = (sessionId: string, title: string) =>
    db.captures.add(
      testCapture({
        at: clock.t,
        sessionId,
        ref: title,
        title,
        sender: title,
        senderKey: `gmail:${title}`,
        idValue: title,
      }),
    )
  return { clock, ...fake, machine, fireDue, sessions, active, hold }
}

const OCC = 'b1@2026-03-10'
const ended = (s: SessionRow | undefined) => ({
  state: s?.state,
  endedAt: s?.endedAt,
  endReason: s?.endReason,
})

describe('clock jumps', () => {
  it('forward past a block end while asleep: the block ends at its end, with one late digest', async () => {
    const m = await setUp(madrid(9, 30))
    await m.machine.reconcile()
    expect(await m.active()).toMatchObject({ id: OCC, endsAt: madrid(11) })
    expect(m.alarms.get(END_ALARM)?.scheduledTime).toBe(madrid(11))
    await m.hold(OCC, 'Ana Ruiz')

    // Asleep from 09:45 to 14:00: no alarm fired meanwhile. On wake, Chrome fires the overdue ones.
    m.clock.t = madrid(14)
    expect(await m.fireDue()).toEqual([END_ALARM, TICK_ALARM])
    const [row] = await m.sessions()
    expect(ended(row)).toEqual({ state: 'ended', endedAt: madrid(11), endReason: 'time' })
    expect(m.shown).toEqual([{ id: `digest:${OCC}`, title: 'bg_digestTitleLate' }])
    expect(row?.digestAt).toBe(madrid(14))
    // Every later wake-up finds the digest shown.
    await m.machine.reconcile()
    m.clock.t += 5 * MIN
    await m.fireDue()
    expect(await m.machine.quietPeriod()).toBeNull()
    expect(m.shown).toHaveLength(1)
    expect(m.local.get('quiet')).toEqual({ quietUntil: 0 })
    // The next alarm is the next occurrence's start: tomorrow at 09:00.
    expect(m.alarms.get(END_ALARM)?.scheduledTime).toBe(madrid(9, 0, 11))
  })

  it('back into a block already ended: no session comes back, no second digest', async () => {
    const m = await setUp(madrid(9, 5))
    await m.machine.reconcile()
    m.clock.t = madrid(11)
    await m.fireDue()
    expect(m.shown).toEqual([{ id: `digest:${OCC}`, title: 'bg_digestTitle' }])

    // The clock is set back by hours, twice, into the ended block, and every wake-up path runs.
    for (const back of [madrid(10), madrid(9, 30)]) {
      m.clock.t = back
      await m.machine.reconcile()
      await m.fireDue()
      expect(await m.machine.quietPeriod()).toBeNull()
      expect(await m.active()).toBeUndefined()
      expect(m.local.get('quiet')).toEqual({ quietUntil: 0 })
    }
    expect(await m.sessions()).toHaveLength(1)
    expect(ended((await m.sessions())[0])).toEqual({
      state: 'ended',
      endedAt: madrid(11),
      endReason: 'time',
    })
    expect(m.shown).toHaveLength(1)

    // Forward by a day: the next occurrence runs, with its own digest.
    m.clock.t = madrid(9, 1, 11)
    await m.fireDue()
    await m.machine.reconcile()
    expect(await m.active()).toMatchObject({ id: 'b1@2026-03-11', endsAt: madrid(11, 0, 11) })
    m.clock.t = madrid(11, 0, 11)
    await m.fireDue()
    expect(m.shown.map((s) => s.id)).toEqual([`digest:${OCC}`, 'digest:b1@2026-03-11'])
  })

  it('back out of a running block: it ends once, and does not come back', async () => {
    const m = await setUp(madrid(10))
    await m.machine.reconcile()
    await m.hold(OCC, 'Ana Ruiz')
    m.clock.t = madrid(7)
    await m.machine.reconcile()
    expect(await m.active()).toBeUndefined()
    expect(m.shown.map((s) => s.id)).toEqual([`digest:${OCC}`])
    // It ended when it began, not at 07:00, three hours before its own start.
    const [ended] = await m.sessions()
    expect(ended?.endedAt).toBe(ended?.startedAt)
    // Time passes again into the block's hours: the occurrence ended, so it is not started again.
    for (const t of [madrid(9), madrid(10, 30), madrid(11, 5)]) {
      m.clock.t = t
      await m.fireDue()
      await m.machine.reconcile()
      expect(await m.active()).toBeUndefined()
    }
    expect(m.shown).toHaveLength(1)
    expect(await m.sessions()).toHaveLength(1)
  })

  it('forward by hours from an open period into a block: it starts when the clock says so', async () => {
    const m = await setUp(madrid(6))
    await m.machine.reconcile()
    expect(await m.active()).toBeUndefined()
    expect(m.alarms.get(END_ALARM)?.scheduledTime).toBe(madrid(9))
    m.clock.t = madrid(10, 15)
    await m.fireDue()
    const session = await m.active()
    expect(session).toMatchObject({ id: OCC, startedAt: madrid(10, 15), endsAt: madrid(11) })
    expect(m.local.get('quiet')).toEqual({ quietUntil: madrid(11) })
    expect(m.shown).toEqual([])
  })
})

describe('time-zone change mid-block', () => {
  it('to a zone where the block still runs: the same session goes on, its end moved', async () => {
    const m = await setUp(madrid(10))
    await m.machine.reconcile()
    await m.hold(OCC, 'Ana Ruiz')
    // 10:00 in Madrid is 09:00 in London: still inside 09:00–11:00, now ending 11:00 London time.
    setZone('Europe/London')
    m.clock.t = madrid(10, 5)
    expect(await m.fireDue()).toEqual([TICK_ALARM])
    const londonEleven = madrid(12)
    expect(await m.active()).toMatchObject({ id: OCC, endsAt: londonEleven })
    expect(m.alarms.get(END_ALARM)?.scheduledTime).toBe(londonEleven)
    expect(m.local.get('quiet')).toEqual({ quietUntil: londonEleven })
    expect(m.shown).toEqual([])
    m.clock.t = londonEleven
    await m.fireDue()
    expect(m.shown).toEqual([{ id: `digest:${OCC}`, title: 'bg_digestTitle' }])
    expect(await m.sessions()).toHaveLength(1)
  })

  it('to a zone where the block is over or not yet: it ends once and does not restart', async () => {
    const m = await setUp(madrid(10))
    await m.machine.reconcile()
    // 10:00 in Madrid is 04:00 in New York: outside the block's hours.
    setZone('America/New_York')
    m.clock.t = madrid(10, 5)
    await m.fireDue()
    expect(await m.active()).toBeUndefined()
    const [row] = await m.sessions()
    expect(ended(row)).toEqual({ state: 'ended', endedAt: madrid(10, 5), endReason: 'time' })
    expect(m.shown).toHaveLength(1)
    // 09:30 in New York, the same local date: that occurrence already ended, so no second one.
    m.clock.t = Date.UTC(2026, 2, 10, 13, 30)
    await m.fireDue()
    await m.machine.reconcile()
    expect(await m.active()).toBeUndefined()
    // The next New York morning, the block runs on New York time.
    m.clock.t = Date.UTC(2026, 2, 11, 13, 30)
    await m.fireDue()
    expect(await m.active()).toMatchObject({
      id: 'b1@2026-03-11',
      endsAt: Date.UTC(2026, 2, 11, 15),
    })
    expect(m.shown).toHaveLength(1)
  })
})

describe('system sleep across a block boundary', () => {
  it('no alarm fired: the first wake-up of any kind recomputes, one late digest in all', async () => {
    for (const wake of ['idle', 'capture', 'alarm'] as const) {
      await db.delete()
      db = openDb(`clock-sleep-${wake}-${Math.random()}`)
      const m = await setUp(madrid(10, 55))
      await m.machine.reconcile()
      await m.hold(OCC, 'Luis Gil')
      // Asleep at 10:58, awake at 11:20: the 11:00 end alarm never fired.
      m.clock.t = madrid(11, 20)
      expect(await m.active()).toMatchObject({ id: OCC, state: 'active' })
      if (wake === 'idle') await m.machine.reconcile()
      // The capture path reads the running period; one that ran out waits for a recompute.
      if (wake === 'capture') expect(await m.machine.quietPeriod()).toBeNull()
      await m.fireDue()
      await m.machine.reconcile()
      expect(ended((await m.sessions())[0]), wake).toEqual({
        state: 'ended',
        endedAt: madrid(11),
        endReason: 'time',
      })
      expect(m.shown, wake).toEqual([{ id: `digest:${OCC}`, title: 'bg_digestTitleLate' }])
    }
  })

  it('asleep across a block start: on wake the block starts, with its end alarm', async () => {
    const m = await setUp(madrid(8, 50))
    await m.machine.reconcile()
    expect(m.alarms.get(END_ALARM)?.scheduledTime).toBe(madrid(9))
    // The capture path on wake, before any alarm: it recomputes and finds the block.
    m.clock.t = madrid(9, 40)
    expect(await m.machine.quietPeriod()).toEqual({ kind: 'block', id: OCC, until: madrid(11) })
    expect(m.alarms.get(END_ALARM)?.scheduledTime).toBe(madrid(11))
    await m.fireDue()
    expect(await m.sessions()).toHaveLength(1)
    expect(m.shown).toEqual([])
  })
})
