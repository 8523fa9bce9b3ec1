// Weekly blocks placed on the real clock, for tests that wait for real minutes: a block is given as
// the instant it starts (a whole minute) and its length, and turned into the weekday and minutes
// of the local day (the machine's time zone, which the browser shares). A block that starts at
// 23:59 is one that crosses midnight: its weekday and its occurrence date are those of its start.
import type { CDPSession, Page } from 'playwright-core'
import type { WeeklyBlock } from '../../src/core/schedule/schema'
import type { Settings } from '../../src/core/settings'
import { sleep } from './fixture'
import type { Margen } from './launch'

export const MINUTE = 60_000

export interface Placed {
  block: WeeklyBlock
  /** `${block.id}@YYYY-MM-DD`: the id of the session, and of its digest. */
  occurrence: string
  start: number
  end: number
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The local date of an instant, as in occurrence ids. */
export function localDate(t: number): string {
  const d = new Date(t)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The start of the minute that holds `t`. */
export const minuteOf = (t: number) => Math.floor(t / MINUTE) * MINUTE

/** A weekly block on the weekday of `start` only, from `start` for `minutes` (1–1439). */
export function placeBlock(id: string, label: string, start: number, minutes: number): Placed {
  if (start % MINUTE !== 0) throw new Error('a block starts at a whole minute')
  const d = new Date(start)
  const from = d.getHours() * 60 + d.getMinutes()
  const end = start + minutes * MINUTE
  const to = new Date(end)
  return {
    block: {
      id,
      label,
      days: [d.getDay()],
      start: from,
      end: to.getHours() * 60 + to.getMinutes(),
    },
    occurrence: `${id}@${localDate(start)}`,
    start,
    end,
  }
}

/** Settings with these blocks only: no working hours, no off-hours. */
export function settingsWith(blocks: readonly WeeklyBlock[]): Settings {
  return {
    version: 1,
    schedule: {
      blocks: [...blocks],
      workingHours: [null, null, null, null, null, null, null],
      offHours: false,
    },
  }
}

/**
 * Waits, if needed, so that at least `margin` ms remain in the current minute, and returns the
 * start of that minute: blocks placed from it then start (or are in force) as planned.
 */
export async function roomyMinute(margin: number): Promise<number> {
  const now = Date.now()
  const next = minuteOf(now) + MINUTE
  if (next - now < margin) await sleep(next - now + 200)
  return minuteOf(Date.now())
}

export async function sleepUntil(t: number): Promise<void> {
  const left = t - Date.now()
  if (left > 0) await sleep(left)
}

interface VersionUpdate {
  versions: { scriptURL: string; runningStatus: string }[]
}

/** Stops every service worker (CDP) and reports the extension worker's running status (as
 * in worker.spec.ts). */
export async function workerControl(m: Margen, page: Page) {
  const cdp: CDPSession = await m.context.newCDPSession(page)
  const statuses: string[] = []
  const prefix = `chrome-extension://${m.extensionId}/`
  cdp.on('ServiceWorker.workerVersionUpdated', (e: VersionUpdate) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(prefix)) statuses.push(v.runningStatus)
  })
  await cdp.send('ServiceWorker.enable')
  return {
    statuses,
    async stopAll() {
      statuses.length = 0
      await cdp.send('ServiceWorker.stopAllWorkers')
      // Not expect.poll: these tests run concurrently, where only the test's own expect polls.
      const until = Date.now() + 10_000
      while (statuses.at(-1) !== 'stopped') {
        if (Date.now() > until) throw new Error(`worker not stopped: ${statuses.join(', ')}`)
        await sleep(50)
      }
      statuses.length = 0
    },
  }
}
