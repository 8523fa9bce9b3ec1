import { describe, expect, it } from 'vitest'
import { emptyBuckets } from '../../core/insights/buckets'
import { heatmap } from '../../core/insights/heatmap'
import { rangeOf } from '../../core/insights/range'
import { UTC } from '../../core/insights/testing'
import { createI18n } from '../i18n'
import { english } from '../i18n-english'
import { heatConfig, timelineConfig, topConfig } from './configs'
import { createLabels } from './labels'
import { type ChartTheme, heatColour } from './theme'

const theme: ChartTheme = {
  text: '#111111',
  muted: '#555555',
  grid: '#dddddd',
  surface: '#f6f6f6',
  held: '#5b3fbf',
  breakthrough: '#c2410c',
  open: '#a59fb5',
  heatLow: '#e0e0e0',
  heatHigh: '#202020',
  heatNone: '#ffffff',
  animate: true,
}
const i18n = createI18n(english)
const labels = createLabels(i18n, 'day', [{ id: 'acme', name: 'Acme' }])

describe('chart configurations', () => {
  it('stack held, breakthroughs and the other deliveries, which add up to the captures', () => {
    const buckets = emptyBuckets('day', rangeOf(UTC, Date.UTC(2026, 4, 13, 12), 2))
    buckets[1] = { ...buckets[1]!, captures: 9, held: 5, delivered: 4, breakthroughs: 1 }
    const c = timelineConfig(i18n, theme, labels, buckets)
    expect(c.data.datasets.map((d) => [d.label, d.data, d.backgroundColor])).toEqual([
      ['Held', [0, 5], '#5b3fbf'],
      ['Breakthroughs', [0, 1], '#c2410c'],
      ['Delivered outside quiet periods', [0, 3], '#a59fb5'],
    ])
    expect(c.data.labels).toEqual(['Tue, May 12', 'Wed, May 13'])
  })

  it('take their text and grid colours from the theme, and animate only when motion is welcome', () => {
    const c = topConfig(i18n, theme, ['Acme'], [{ held: 1, delivered: 0, breakthroughs: 0 }])
    expect(c.options?.scales?.x?.ticks?.color).toBe('#555555')
    expect(c.options?.scales?.x?.grid?.color).toBe('#dddddd')
    expect(c.options?.plugins?.legend?.labels?.color).toBe('#111111')
    expect(c.options?.animation).toEqual({ duration: 250 })
    const still = topConfig(i18n, { ...theme, animate: false }, ['Acme'], [])
    expect(still.options?.animation).toBe(false)
    expect(
      heatConfig(i18n, { ...theme, animate: false }, labels, heatmap(UTC, [])).options?.animation,
    ).toBe(false)
  })

  it('lay the heatmap out as 7 × 24 cells, Monday on the first row', () => {
    const map = heatmap(UTC, [{ at: Date.UTC(2026, 2, 2, 9, 30) }]) // a Monday, 09:30 UTC
    const cells = heatConfig(i18n, theme, labels, map).data.datasets[0]!.data
    expect(cells).toHaveLength(168)
    expect(cells.find((c) => (c as { v: number }).v === 1)).toEqual({ x: 9, y: 0, v: 1 })
  })
})

describe('the heat colour scale', () => {
  it('sets empty cells apart and runs from the low colour to the high one', () => {
    expect(heatColour(theme, 0, 10)).toBe('#ffffff')
    expect(heatColour(theme, 1, 10)).toBe('rgb(224, 224, 224)')
    expect(heatColour(theme, 10, 10)).toBe('rgb(32, 32, 32)')
    expect(heatColour(theme, 1, 1)).toBe('rgb(32, 32, 32)')
  })

  it('is a square-root scale: a quarter of the way up is half the colour', () => {
    // (n - 1) / (max - 1) = 1/4 → sqrt = 1/2 → halfway between 224 and 32.
    expect(heatColour(theme, 4, 13)).toBe('rgb(128, 128, 128)')
  })

  it('falls back to the high colour when the theme colours are not #rrggbb', () => {
    expect(heatColour({ ...theme, heatLow: 'rgb(1, 2, 3)' }, 3, 5)).toBe('#202020')
  })
})
