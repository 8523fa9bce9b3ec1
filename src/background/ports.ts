/** What the background needs from the browser and the clock, passed in (see platform/browser.ts). */
import type { Browser } from '../platform/browser'
import type { MargenDb } from '../store/db'

export type BgBrowser = Pick<
  Browser,
  | 'runtime'
  | 'tabs'
  | 'windows'
  | 'action'
  | 'alarms'
  | 'notifications'
  | 'storage'
  | 'i18n'
  | 'idle'
  | 'commands'
>

export interface BgDeps {
  browser: BgBrowser
  db: MargenDb
  now: () => number
}

/** UI text from _locales, with the UI language's time format. */
export function createText(browser: BgBrowser) {
  const lang = browser.i18n.getUILanguage()
  const time = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' })
  const number = new Intl.NumberFormat(lang)
  return {
    t: (key: string, subs?: string | string[]) => browser.i18n.getMessage(key, subs) || key,
    time: (ms: number) => time.format(ms),
    /** A count as the UI language writes it: 9,880 in English, 9880 or 9.880 in Spanish. */
    number: (n: number) => number.format(n),
  }
}
export type Text = ReturnType<typeof createText>
