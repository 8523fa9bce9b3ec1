import { describe, expect, it } from 'vitest'
import { fieldId, fieldOf, fromInput, newBlock, parseErrors, toInput } from './draft'

describe('time inputs', () => {
  it('round-trips minutes and "HH:MM"', () => {
    expect(toInput(540)).toBe('09:00')
    expect(toInput(1439)).toBe('23:59')
    expect(fromInput('09:00')).toBe(540)
    expect(fromInput('23:59:30')).toBe(1439)
  })

  it('turns a cleared input into NaN and back into ""', () => {
    expect(fromInput('')).toBeNaN()
    expect(toInput(Number.NaN)).toBe('')
  })
})

describe('newBlock', () => {
  it('starts at 09:00 for the first, after the last one otherwise', () => {
    expect(newBlock([], 'Backoffice', 'a')).toEqual({
      id: 'a',
      label: 'Backoffice',
      days: [1, 2, 3, 4, 5],
      start: 540,
      end: 660,
    })
    const last = { id: 'x', label: 'x', days: [1], start: 1200, end: 1380 }
    expect(newBlock([last], 'B', 'b')).toMatchObject({ start: 1380, end: 60 })
  })
})

describe('fieldOf', () => {
  it.each([
    ['blocks.2.end', 'blocks.2.end'],
    ['blocks.2.days.0', 'blocks.2.days'],
    ['blocks.2', 'blocks.2'],
    ['blocks.2.id', 'blocks.2'],
    ['workingHours.3.end', 'workingHours.3.end'],
    ['workingHours.3', 'workingHours.3'],
    ['offHours', 'offHours'],
    ['', ''],
    ['blocks', ''],
  ])('%s → %s', (path, field) => {
    expect(fieldOf(path)).toBe(field)
  })

  it('makes element ids', () => {
    expect(fieldId('blocks.2.end')).toBe('field-blocks-2-end')
    expect(fieldId('')).toBe('field-schedule')
  })
})

describe('parseErrors', () => {
  it('keeps well-formed errors with known codes', () => {
    const good = { path: 'blocks.0', code: 'overlap', message: 'x', params: { other: 1, day: 2 } }
    expect(parseErrors([good, { path: 1 }, { path: '', code: 'nope', message: '' }])).toEqual([
      good,
    ])
    expect(parseErrors('oops')).toEqual([])
  })
})
