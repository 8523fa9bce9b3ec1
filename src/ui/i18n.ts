/**
 * UI text from `_locales`, and dates and times in the browser's UI language.
 *
 * In the extension, `source` is `chrome.i18n` (see runtime.ts). Component tests, where no
 * extension API exists, read the English messages.json directly (i18n-english.ts), with the
 * same placeholder rules as `chrome.i18n.getMessage`. The pages never bundle it: it is ~90 kB
 * of script to evaluate on every page load, for text `chrome.i18n` already gives.
 */

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json')
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

/** A source over a messages.json object, answering as `chrome.i18n` would. */
export function messagesSource(
  messages: Record<string, MessageEntry | undefined>,
  lang: string,
): I18nSource {
  return {
    getMessage: (key, substitutions) =>
      formatMessage(messages[key], substitutions === undefined ? [] : [substitutions].flat()),
    getUILanguage: () => lang,
  }
}

export function createI18n(source: I18nSource) {
  const lang = source.getUILanguage() || 'en'
  const plural = new Intl.PluralRules(lang)
  const numberFmt = new Intl.NumberFormat(lang)
  // Only hour and minute: the locale decides between 24 h ("13:05") and 12 h ("1:05 PM").
  const timeFmt = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' })
  const dayFmt = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long' })

  function t(key: MessageKey, ...subs: Sub[]): string {
    const strings = subs.map(String)
    // chrome.i18n answers from the default locale (en) for a key the user's lacks; an empty
    // answer means the key is in neither.
    return source.getMessage(key, strings) || key
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
