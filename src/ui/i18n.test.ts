import { describe, expect, it } from 'vitest'
import en from '../../public/_locales/en/messages.json'
import es from '../../public/_locales/es/messages.json'
import { createI18n, formatMessage, type I18nSource } from './i18n'
import { english } from './i18n-english'

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>

/** What chrome.i18n would answer with the Spanish messages. */
const spanish = (lang = 'es'): I18nSource => ({
  getMessage: (key, subs) =>
    formatMessage((es as Messages)[key], subs === undefined ? [] : [subs].flat()),
  getUILanguage: () => lang,
})

describe('formatMessage', () => {
  it('fills named placeholders, numbered ones and $$ as chrome.i18n does', () => {
    const entry = {
      message: 'Focus until $Time$ · $LEFT$ ($$5)',
      placeholders: { time: { content: '$1' }, left: { content: '$2' } },
    }
    expect(formatMessage(entry, ['11:40', '23 min left'])).toBe(
      'Focus until 11:40 · 23 min left ($5)',
    )
    expect(formatMessage(entry, ['11:40'])).toBe('Focus until 11:40 ·  ($5)')
    expect(formatMessage(undefined, [])).toBe('')
  })

  it('does not re-expand a substitution that contains $', () => {
    expect(formatMessage(en.ui_error, ['cost $1 or $$'])).toBe("That didn't work: cost $1 or $$")
  })
})

describe('createI18n', () => {
  it('falls back to the English messages without the extension API', () => {
    const i18n = createI18n(english)
    expect(i18n.lang).toBe('en')
    expect(i18n.t('extName')).toBe('Margen')
    expect(i18n.t('popup_focusMinutes', 25)).toBe('Focus 25 min')
    expect(i18n.tp('ui_count', 1)).toBe('1 notification')
    expect(i18n.tp('ui_count', 1200)).toBe('1,200 notifications')
  })

  it('chooses plural forms by the UI language, falling back to _other', () => {
    const i18n = createI18n(spanish())
    expect(i18n.tp('ui_count', 1)).toBe('1 notificación')
    expect(i18n.tp('ui_count', 0)).toBe('0 notificaciones')
    // Spanish has a "many" category for a million; it uses the _other text.
    expect(i18n.tp('ui_count', 1_000_000)).toBe('1.000.000 notificaciones')
    expect(i18n.tp('popup_timeLeft_minutes', 1)).toBe('queda 1 min')
  })

  it('formats times 24 h or 12 h as the locale does', () => {
    const ms = new Date(2025, 2, 3, 13, 5).getTime()
    expect(createI18n(spanish('es-ES')).time(ms)).toBe('13:05')
    expect(createI18n(english).time(ms)).toMatch(/^1:05\s?PM$/)
  })

  it('shows the message name when the source has no text for it', () => {
    // chrome.i18n itself answers from the default locale (en) for a key the user's lacks, and
    // both locales have every key (below): an empty answer is a key in neither.
    const empty: I18nSource = { getMessage: () => '', getUILanguage: () => 'es' }
    expect(createI18n(empty).t('popup_end')).toBe('popup_end')
  })
})

describe('locales', () => {
  const placeholders = (m: Messages) =>
    Object.fromEntries(
      Object.entries(m).map(([k, v]) => [k, Object.keys(v.placeholders ?? {}).sort()]),
    )

  it('have the same keys and placeholders in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort())
    expect(placeholders(es)).toEqual(placeholders(en))
  })

  it('use only declared placeholders, and keys Chrome accepts', () => {
    for (const [key, entry] of Object.entries({ ...en, ...es } as Messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/)
      const declared = Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase())
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(declared, `${key} uses $${name}$`).toContain(name?.toLowerCase())
      }
    }
  })

  it('come in _one/_other pairs', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('_one')) expect(Object.keys(en)).toContain(key.replace(/_one$/, '_other'))
    }
  })
})
