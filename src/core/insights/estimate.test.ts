import { describe, expect, it } from 'vitest'
import { focusEstimate, hoursAndMinutes } from './estimate'

describe('focus time protected (estimate)', () => {
  it('is held episodes × minutes per interruption', () => {
    expect(focusEstimate(41, 23)).toEqual({ episodes: 41, minutesPer: 23, minutes: 943 })
    expect(focusEstimate(0, 23).minutes).toBe(0)
  })

  it('reads as hours and minutes', () => {
    expect(hoursAndMinutes(943)).toEqual({ hours: 15, minutes: 43 })
    expect(hoursAndMinutes(59)).toEqual({ hours: 0, minutes: 59 })
    expect(hoursAndMinutes(120)).toEqual({ hours: 2, minutes: 0 })
  })
})
