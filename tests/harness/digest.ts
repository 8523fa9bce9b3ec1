// The digest notification's text cannot be read back from `chrome.notifications` (getAll() lists
// ids only), so the tests record what the background passes to `notifications.create`. The
// recorder calls straight through: the notification is still created, and the tests check that
// it is there with getAll(). It lives in the running worker, so install it again after a restart.
import type { Margen } from './launch'

export interface Shown {
  id: string
  title: string
  message: string
  /** The buttons' titles, in order. */
  buttons: string[]
}

type Recorder = { __margenShown?: Shown[] }

/** Starts recording (or starts over, forgetting what was recorded so far). */
export async function recordNotifications(m: Margen): Promise<void> {
  const sw = await m.worker()
  await sw.evaluate(() => {
    const g = globalThis as Recorder
    if (g.__margenShown) {
      g.__margenShown.length = 0
      return
    }
    const shown: Shown[] = []
    g.__margenShown = shown
    const create = chrome.notifications.create
    const recorder = function (this: unknown, ...args: unknown[]) {
      const [id, opts] = args as [string, chrome.notifications.NotificationOptions]
      shown.push({
        id,
        title: opts.title ?? '',
        message: opts.message ?? '',
        buttons: (opts.buttons ?? []).map((b) => b.title),
      })
      return Reflect.apply(create, this, args)
    }
    chrome.notifications.create = recorder as typeof create
  })
}

/** Every notification the background created since the last `recordNotifications`, oldest first. */
export async function shownNotifications(m: Margen): Promise<Shown[]> {
  const sw = await m.worker()
  return sw.evaluate(() => (globalThis as Recorder).__margenShown ?? [])
}
