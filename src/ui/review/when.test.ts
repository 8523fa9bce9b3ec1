import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n'
import { english } from '../i18n-english'
import { whenText } from './when'

const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime()
const i18n = createI18n(english)
const NOW = at(4, 12) // Tuesday

describe('whenText', () => {
  it('shows the time alone today', () => {
    expect(whenText(i18n, at(4, 16, 30), NOW)).toMatch(/^4:30\sPM$/)
    expect(whenText(i18n, at(4, 0, 5), NOW)).toMatch(/^12:05\sAM$/)
  })

  it('adds the weekday within a week either way', () => {
    expect(whenText(i18n, at(5, 9), NOW)).toMatch(/^Wed 9:00\sAM$/)
    expect(whenText(i18n, at(2, 9), NOW)).toMatch(/^Sun 9:00\sAM$/)
  })

  it('shows the date further away', () => {
    expect(whenText(i18n, at(12, 9), NOW)).toMatch(/^Mar 12, 9:00\sAM$/)
  })
})
