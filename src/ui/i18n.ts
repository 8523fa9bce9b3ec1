/**
 * UI text from `_locales`, and dates and times in the browser's UI language.
 *
 * In the extension, `source` is `browser.i18n` (see runtime.ts). Where no extension API exists
 * (component tests in happy-dom, a built page opened from disk), the English messages.json is read
 * directly, with the same placeholder rules as `chrome.i18n.getMessage`, so that tests and
 * previews show real text.
 */
import en from '../../public/_locales/en/messages.json'

export type MessageKey = keyof typeof en
/** Keys that come as `<base>_one` / `<base>_other` pairs, chosen by `tp`. */
export type PluralBase = MessageKey extends infer K
  ? K extends `${infer B}_other`
    ? B
    : never
  : never

export type Sub = string | number

export interface I18nSource {
  getMessage(key: string, substitutions?: string | string[]): string
  getUILanguage(): string
}

interface MessageEntry {
  message: string
  placeholders?: Record<string, { content: string }>
}

/** `chrome.i18n.getMessage` over a messages.json object: `$NAME$` placeholders, `$1`…`$9`, `$$`. */
export function formatMessage(entry: MessageEntry | undefined, subs: readonly string[]): string {
  if (!entry) return ''
  const placeholders = entry.placeholders ?? {}
  const named = entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(placeholders).find(([k]) => k.toLowerCase() === name.toLowerCase())
    return found ? found[1].content : whole
  })
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : (subs[Number(d) - 1] ?? ''),
  )
}

const messages: Record<string, MessageEntry | undefined> = en

/** The English messages.json, for places without the extension API. */
export const fallbackSource: I18nSource = {
  getMessage: (key, substitutions) =>
    formatMessage(messages[key], substitutions === undefined ? [] : [substitutions].flat()),
  getUILanguage: () => 'en',
}

export function createI18n(source: I18nSource = fallbackSource) {
  const lang = source.getUILanguage() || 'en'
  const plural = new Intl.PluralRules(lang)
  const numberFmt = new Intl.NumberFormat(lang)
  // Only hour and minute: the locale decides between 24 h ("13:05") and 12 h ("1:05 PM").
  const timeFmt = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' })
  const dayFmt = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long' })

  function t(key: MessageKey, ...subs: Sub[]): string {
    const strings = subs.map(String)
    // An empty answer means the key is missing from the user's locale and from the default one.
    return source.getMessage(key, strings) || fallbackSource.getMessage(key, strings) || key
  }

  /** `<base>_one` or `<base>_other` by the UI language's plural rules; the count is `$1`. */
  function tp(base: PluralBase, count: number, ...subs: Sub[]): string {
    const category = plural.select(count)
    const key = (category === 'one' ? `${base}_one` : `${base}_other`) as MessageKey
    return t(key, numberFmt.format(count), ...subs)
  }

  return {
    lang,
    t,
    tp,
    number: (n: number) => numberFmt.format(n),
    time: (ms: number) => timeFmt.format(ms),
    day: (ms: number) => dayFmt.format(ms),
  }
}

export type I18n = ReturnType<typeof createI18n>
