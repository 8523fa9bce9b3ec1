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
      while (statuses.at(-1) !== 'stopped') {
        if (Date.now() > until) throw new Error(`worker not stopped: ${statuses.join(', ')}`)
        await sleep(50)
      }
      statuses.length = 0
    },
  }
}
