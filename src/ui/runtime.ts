/**
 * Everything a page needs from the outside world, built once by its entry file.
 *
 * Nothing here waits for webextension-polyfill: text comes from the extension's own
 * `chrome.i18n` (synchronous, the same answers), and the polyfill is only loaded (once, in the
 * background of the first paint) for what needs it, such as sending a command. On a slow
 * machine a page's every extra module request costs tens of milliseconds before it can paint.
 * The polyfill throws when loaded outside an extension, so it is imported only when the
 * extension API is there. Outside one (a page served some other way), the page still renders,
 * with message names instead of text and commands that report the background as unreachable.
 */
import type { Browser } from '../platform/browser'
import { openDb } from '../store/db'
import type { AppDeps } from './app-context'
import { createConnector, unreachableConnector } from './connector'
import { createI18n, type I18nSource } from './i18n'

const inExtension = () => Boolean(globalThis.chrome?.runtime?.id)

/** Without `chrome.i18n`: the message names, so that the missing text is plain to see. */
const messageNames: I18nSource = { getMessage: (key) => key, getUILanguage: () => 'en' }

let loading: Promise<Browser | undefined> | undefined

/** The extension API through the polyfill, imported on first use; undefined outside one. */
export function loadBrowser(): Promise<Browser | undefined> {
  loading ??= inExtension()
    ? import('../platform/browser').then((m) => m.browser)
    : Promise.resolve(undefined)
  return loading
}

/** Runs `use` with the extension API; outside an extension, `otherwise`. */
export function withBrowser(use: (browser: Browser) => unknown, otherwise: () => void): void {
  void loadBrowser().then((browser) => (browser ? use(browser) : otherwise()))
}

/** `db`: a database the entry already opened (to start reading early); else one is opened. */
export function createAppDeps(db = openDb()): AppDeps {
  const text: I18nSource | undefined = inExtension() ? globalThis.chrome.i18n : undefined
  const i18n = createI18n(text ?? messageNames)
  document.documentElement.lang = i18n.lang
  // Start loading the polyfill now, so that the first command does not wait for it.
  const browser = loadBrowser()
  return {
    db,
    connector: text
      ? createConnector(async (m) => (await browser)?.runtime.sendMessage(m))
      : unreachableConnector,
    i18n,
    now: Date.now,
  }
}
