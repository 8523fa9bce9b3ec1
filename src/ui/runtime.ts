/**
 * Everything a page needs from the outside world, built once by its entry file.
 *
 * The polyfill throws when loaded outside an extension, so it is imported only when the
 * extension API is there; a built page opened from disk still renders, with English text and
 * commands that report the background as unreachable.
 */
import type { Browser } from '../platform/browser'
import { openDb } from '../store/db'
import type { AppDeps } from './app-context'
import { createConnector, unreachableConnector } from './connector'
import { createI18n } from './i18n'

export async function loadBrowser(): Promise<Browser | undefined> {
  if (!globalThis.chrome?.runtime?.id) return undefined
  return (await import('../platform/browser')).browser
}

/** `db`: a database the entry already opened (to start reading early); else one is opened. */
export function createAppDeps(browser: Browser | undefined, db = openDb()): AppDeps {
  const i18n = createI18n(browser?.i18n)
  document.documentElement.lang = i18n.lang
  return {
    db,
    connector: browser
      ? createConnector((m) => browser.runtime.sendMessage(m))
      : unreachableConnector,
    i18n,
    now: Date.now,
  }
}
