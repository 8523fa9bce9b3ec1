import { describe, expect, it } from 'vitest'
import type { Schedule, WeeklyBlock } from '../../core/schedule/schema'
import { dayRuns, groupDays, openWindows } from './availability'
import { availabilityText, daysText, joinList, timeText } from './availability-text'

const hm = (h: number, m = 0) => h * 60 + m
const r = (a: number, b: number) => ({ start: hm(a), end: hm(b) })
const block = (id: string, days: number[], a: number, b: number): WeeklyBlock => ({
  id,
  label: id,
  days,
  start: hm(a),
  end: hm(b),
})
const weekdays = (range: { start: number; end: number } | null) =>
  [null, range, range, range, range, range, null] as Schedule['workingHours']

const freelancer: Schedule = {
  blocks: [block('bo', [1, 2, 3, 4, 5], 9, 11), block('deep', [1, 2, 3, 4, 5], 15, 17)],
  workingHours: weekdays(r(9, 18)),
  offHours: false,
}

describe('openWindows', () => {
  it('is working hours minus blocks', () => {
    expect(openWindows(freelancer, 1)).toEqual([
      [hm(11), hm(15)],
      [hm(17), hm(18)],
    ])
    expect(openWindows(freelancer, 0)).toEqual([])
  })

  it('counts a block that starts the day before and crosses midnight', () => {
    const s: Schedule = {
      blocks: [block('night', [0], 22, 10)],
      workingHours: [null, r(8, 12), null, null, null, null, null],
      offHours: false,
    }
    expect(openWindows(s, 1)).toEqual([[hm(10), hm(12)]])
  })

  it('keeps working hours that cross midnight past 24:00', () => {
    const s: Schedule = { blocks: [], workingHours: weekdays(r(20, 2)), offHours: false }
    expect(openWindows(s, 2)).toEqual([[hm(20), hm(26)]])
  })

  it('is empty when a block covers the whole day', () => {
    const s: Schedule = { ...freelancer, blocks: [block('all', [3], 8, 19)] }
    expect(openWindows(s, 3)).toEqual([])
  })
})

describe('grouping days', () => {
  it('groups days with the same windows, Monday first', () => {
    const s: Schedule = {
      ...freelancer,
      workingHours: [r(10, 12), r(9, 18), r(9, 18), r(9, 18), r(9, 18), r(9, 14), r(10, 12)],
    }
    expect(groupDays(s).map((g) => g.days)).toEqual([[1, 2, 3, 4], [5], [6, 0]])
  })

  it('splits runs of consecutive days', () => {
    expect(dayRuns([1, 2, 3, 5, 6, 0])).toEqual([
      [1, 2, 3],
      [5, 6, 0],
    ])
    expect(dayRuns([1, 3, 5])).toEqual([[1], [3], [5]])
  })

  it('joins lists', () => {
    expect(joinList(['a'], 'and')).toBe('a')
    expect(joinList(['a', 'b', 'c'], 'y')).toBe('a, b y c')
  })
})

describe('daysText', () => {
  it.each([
    [[1, 2, 3, 4, 5], 'Monday to Friday', 'de lunes a viernes'],
    [[1, 3, 5], 'Monday, Wednesday and Friday', 'los lunes, miércoles y viernes'],
    [[6], 'Saturday', 'los sábados'],
    [[6, 0], 'Saturday and Sunday', 'los sábados y domingos'],
    [[1, 2, 3, 5], 'Monday to Wednesday and Friday', 'de lunes a miércoles y los viernes'],
  ])('%j', (days, en, es) => {
    expect(daysText(days, 'en')).toBe(en)
    expect(daysText(days, 'es')).toBe(es)
  })
})

describe('timeText', () => {
  it('follows the locale', () => {
    expect(timeText(hm(15), 'en-US')).toBe('3:00 PM')
    expect(timeText(hm(15), 'en-GB')).toBe('15:00')
    expect(timeText(hm(9, 5), 'es')).toBe('9:05')
    expect(timeText(hm(26), 'es')).toBe('2:00')
  })
})

describe('availabilityText', () => {
  it('writes the English sentence', () => {
    expect(availabilityText(freelancer, { lang: 'en', locale: 'en-GB' })).toBe(
      'I answer messages 11:00–15:00 and 17:00–18:00, Monday to Friday.',
    )
    expect(availabilityText(freelancer, { lang: 'en', locale: 'en-US' })).toBe(
      'I answer messages 11:00 AM–3:00 PM and 5:00 PM–6:00 PM, Monday to Friday.',
    )
  })

  it('writes the Spanish sentence, with times for Spanish even from an English UI', () => {
    expect(availabilityText(freelancer, { lang: 'es', locale: 'en-US' })).toBe(
      'Respondo mensajes de 11:00 a 15:00 y de 17:00 a 18:00, de lunes a viernes.',
    )
  })

  it('lists each group of days', () => {
    const s: Schedule = {
      blocks: [block('bo', [1, 3, 5], 9, 11)],
      workingHours: [null, r(9, 14), r(9, 14), r(9, 14), r(9, 14), r(9, 14), r(10, 12)],
      offHours: true,
    }
    expect(availabilityText(s, { lang: 'en', locale: 'en-GB' })).toBe(
      'I answer messages 11:00–14:00, Monday, Wednesday and Friday; 9:00–14:00, Tuesday and Thursday; 10:00–12:00, Saturday.',
    )
    expect(availabilityText(s, { lang: 'es' })).toBe(
      'Respondo mensajes de 11:00 a 14:00, los lunes, miércoles y viernes; de 9:00 a 14:00, los martes y jueves; de 10:00 a 12:00, los sábados.',
    )
  })

  it('adds the emergency channel only when there is one', () => {
    const text = (emergency: string, lang: 'en' | 'es') =>
      availabilityText(freelancer, { lang, locale: 'es-ES', emergency })
    expect(text('  ', 'en')).not.toContain('emergency')
    expect(text('WhatsApp me. ', 'en')).toMatch(/ For an emergency: WhatsApp me\.$/)
    expect(text('WhatsApp +34 600 000 000', 'es')).toMatch(
      / Para una urgencia: WhatsApp \+34 600 000 000\.$/,
    )
  })

  it('says so when there are no open hours', () => {
    const none: Schedule = { blocks: [], workingHours: weekdays(null), offHours: false }
    expect(availabilityText(none, { lang: 'en' })).toBe(
      'I have no set hours for answering messages at the moment.',
    )
    expect(availabilityText(none, { lang: 'es' })).toBe(
      'Por ahora no tengo un horario fijo para responder mensajes.',
    )
  })
})
