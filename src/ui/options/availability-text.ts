/**
 * The availability sentence itself, in English or Spanish (see availability.ts for why the
 * phrases live here). Times follow `locale` (en-US: 3:00 PM; en-GB and es: 15:00).
 */
import type { Schedule } from '../../core/schedule/schema'
import { type DayGroup, dayRuns, groupDays, type TextLang, type Window } from './availability'

interface Phrases {
  days: readonly string[]
  /** Spanish says "los sábados" for a repeated day. */
  plural: readonly string[]
  and: string
  run: (from: string, to: string) => string
  window: (from: string, to: string) => string
  sentence: (groups: string) => string
  none: string
  emergency: (channel: string) => string
}

const PHRASES: Record<TextLang, Phrases> = {
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    plural: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    and: 'and',
    run: (from, to) => `${from} to ${to}`,
    window: (from, to) => `${from}–${to}`,
    sentence: (groups) => `I answer messages ${groups}.`,
    none: 'I have no set hours for answering messages at the moment.',
    emergency: (channel) => `For an emergency: ${channel}.`,
  },
  es: {
    days: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
    plural: ['domingos', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados'],
    and: 'y',
    run: (from, to) => `de ${from} a ${to}`,
    window: (from, to) => `de ${from} a ${to}`,
    sentence: (groups) => `Respondo mensajes ${groups}.`,
    none: 'Por ahora no tengo un horario fijo para responder mensajes.',
    emergency: (channel) => `Para una urgencia: ${channel}.`,
  },
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`
}

/** "Monday to Friday", "Monday, Wednesday and Friday", "de lunes a miércoles y los viernes". */
export function daysText(days: readonly number[], lang: TextLang): string {
  const p = PHRASES[lang]
  const parts: string[] = []
  let afterDay = false
  for (const run of dayRuns(days)) {
    if (run.length >= 3) {
      parts.push(p.run(p.days[run[0]!]!, p.days[run[run.length - 1]!]!))
      afterDay = false
      continue
    }
    for (const day of run) {
      parts.push(lang === 'es' ? `${afterDay ? '' : 'los '}${p.plural[day]}` : p.days[day]!)
      afterDay = true
    }
  }
  return joinList(parts, p.and)
}

export function timeText(minute: number, locale: string): string {
  const m = ((minute % 1440) + 1440) % 1440
  const date = new Date(2000, 0, 1, Math.floor(m / 60), m % 60)
  const text = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date)
  // ICU puts a narrow no-break space before AM/PM, which some mail clients show as a box.
  return text.replace(/\u202f/g, ' ')
}

function windowsText(windows: readonly Window[], lang: TextLang, locale: string): string {
  const p = PHRASES[lang]
  const parts = windows.map(([s, e]) => p.window(timeText(s, locale), timeText(e, locale)))
  return joinList(parts, p.and)
}

export interface AvailabilityInput {
  lang: TextLang
  /** For time formats; a locale of another language falls back to `lang` itself. */
  locale?: string
  /** The emergency channel as the user typed it ("WhatsApp +34 600 000 000"), or ''. */
  emergency?: string
}

export function availabilityText(schedule: Schedule, input: AvailabilityInput): string {
  const { lang } = input
  const locale = input.locale?.toLowerCase().startsWith(lang) ? input.locale : lang
  const p = PHRASES[lang]
  const groups: DayGroup[] = groupDays(schedule)
  const main =
    groups.length === 0
      ? p.none
      : p.sentence(
          groups
            .map((g) => `${windowsText(g.windows, lang, locale)}, ${daysText(g.days, lang)}`)
            .join('; '),
        )
  const channel = (input.emergency ?? '').trim().replace(/[.\s]+$/, '')
  return channel ? `${main} ${p.emergency(channel)}` : main
}
