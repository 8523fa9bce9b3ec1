/** Stops service workers for real, through the DevTools protocol, as MV3 may at any moment. */
import type { CDPSession, Page } from 'playwright-core'
import { sleep } from './fixture'
import type { Margen } from './launch'

interface VersionUpdate {
  versions: { scriptURL: string; runningStatus: string }[]
}

/** Stops every service worker and reports the extension worker's running status as it changes. */
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
      // Not expect.poll: concurrent tests may only use their own expect.
      const until = Date.now() + 10_000
      // Stopped, even if something (a pending retry, an alarm) has woken it again since: the
      // next status may come within the 50 ms between two looks.
      while (!statuses.includes('stopped')) {
        if (Date.now() > until) throw new Error(`worker not stopped: ${statuses.join(', ')}`)
        await sleep(50)
      }
      statuses.length = 0
    },
  }
}

type FaultGlobal = {
  __margenFault?: string
  __margenFaultHit?: string
  __margenFaultTimes?: number
}

/** Evaluates in the running extension worker, waiting for a restarted one if the last is gone. */
async function inWorker<T>(m: Margen, fn: (arg: string) => T, arg: string): Promise<T> {
  const until = Date.now() + 15_000
  for (;;) {
    try {
      return await (await m.worker()).evaluate(fn, arg)
    } catch (error) {
      if (Date.now() > until) throw error
      await sleep(100)
    }
  }
}

/**
 * Arms a fault of src/background/faults.ts in the running worker: at a pause step it waits until
 * stopped; `write-fails` fails the next `times` capture writes. A restarted worker starts unarmed.
 */
export async function armFault(m: Margen, step: string, times = 1): Promise<void> {
  await inWorker(
    m,
    (arg) => {
      const [s, n] = JSON.parse(arg) as [string, number]
      const g = globalThis as FaultGlobal
      g.__margenFault = s
      g.__margenFaultTimes = n
      g.__margenFaultHit = undefined
    },
    JSON.stringify([step, times]),
  )
}

/** Resolves once the worker is paused at `step`. */
export async function waitForFault(m: Margen, step: string, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout
  while ((await inWorker(m, () => (globalThis as FaultGlobal).__margenFaultHit, '')) !== step) {
    if (Date.now() > until) throw new Error(`the worker did not reach ${step}`)
    await sleep(25)
  }
}

/**
 * Fires the worker's real `alarms.onAlarm` event (Chromium's extension events can be dispatched
 * from the worker, running their listeners): alarms cannot be made to fire early.
 */
export async function fireAlarm(
  m: Margen,
  alarm: { name: string; scheduledTime?: number; periodInMinutes?: number },
): Promise<void> {
  await (await m.worker()).evaluate((a) => {
    const event = chrome.alarms.onAlarm as unknown as { dispatch(a: object): void }
    event.dispatch({ scheduledTime: Date.now(), ...a })
  }, alarm)
}

/** Fires the worker's real `idle.onStateChanged` event, as waking from sleep does. */
export async function fireIdle(m: Margen, state: 'active' | 'idle' | 'locked'): Promise<void> {
  await (await m.worker()).evaluate((s) => {
    const event = chrome.idle.onStateChanged as unknown as { dispatch(s: string): void }
    event.dispatch(s)
  }, state)
}

/**
 * Moves the running worker to other time zones, as a system whose zone changes does: DevTools'
 * `Emulation.setTimezoneOverride`, sent to the worker's own target (Playwright offers it for
 * pages only). The override holds while the DevTools session stays attached: until `close()`,
 * or until the worker stops.
 */
export async function workerTimeZone(m: Margen) {
  const browser = m.context.browser()
  if (!browser) throw new Error('no browser')
  const cdp = await browser.newBrowserCDPSession()
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[]
  }
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${m.extensionId}/`),
  )
  if (!target) throw new Error('the worker is not running')
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string }
  const waiting = new Map<number, (error: string) => void>()
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const reply = JSON.parse(e.message) as { id?: number; error?: { message: string } }
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.error?.message ?? '')
  })
  let next = 1
  return {
    async set(timezoneId: string): Promise<void> {
      const id = next++
      const answered = new Promise<string>((resolve) => waiting.set(id, resolve))
      const method = 'Emulation.setTimezoneOverride'
      const message = JSON.stringify({ id, method, params: { timezoneId } })
      await cdp.send('Target.sendMessageToTarget', { sessionId, message })
      const error = await answered
      if (error) throw new Error(`time zone ${timezoneId}: ${error}`)
    },
    close: () => cdp.detach(),
  }
}
