/**
 * Chart colours from the page's CSS custom properties (styles.css, "Insights page"), so that
 * charts follow light and dark mode like the rest of the page, and whether to animate.
 */
import { useEffect, useState } from 'preact/hooks'

export interface ChartTheme {
  text: string
  muted: string
  grid: string
  surface: string
  held: string
  breakthrough: string
  open: string
  /** The heatmap's colour scale: the colour of a cell with one capture, and of the busiest. */
  heatLow: string
  heatHigh: string
  /** The empty cell. */
  heatNone: string
  animate: boolean
}

const DARK = '(prefers-color-scheme: dark)'
const REDUCED = '(prefers-reduced-motion: reduce)'

const media = (q: string): MediaQueryList | null =>
  typeof matchMedia === 'function' ? matchMedia(q) : null

export function readTheme(root: Element = document.documentElement): ChartTheme {
  const css = getComputedStyle(root)
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  return {
    text: v('--text', '#1b1726'),
    muted: v('--muted', '#575166'),
    grid: v('--border', '#d9d5e3'),
    surface: v('--surface', '#f6f5f9'),
    held: v('--in-held', '#5b3fbf'),
    breakthrough: v('--in-breakthrough', '#c2410c'),
    open: v('--in-open', '#9c95ad'),
    heatLow: v('--in-heat-low', '#e9e3fb'),
    heatHigh: v('--in-heat-high', '#3b2396'),
    heatNone: v('--in-heat-none', '#f6f5f9'),
    animate: !media(REDUCED)?.matches,
  }
}

/** The theme, read again whenever the colour scheme or the motion preference changes. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readTheme)
  useEffect(() => {
    const lists = [media(DARK), media(REDUCED)].filter((m): m is MediaQueryList => m !== null)
    const update = () => setTheme(readTheme())
    for (const m of lists) m.addEventListener('change', update)
    return () => {
      for (const m of lists) m.removeEventListener('change', update)
    }
  }, [])
  return theme
}

const hex = (c: string): [number, number, number] | null => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c)
  return m
    ? [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16)]
    : null
}

/**
 * The heat colour of `n` captures when the busiest cell has `max`: empty cells stand apart, the
 * rest go from heatLow to heatHigh on a square-root scale (a few busy hours would otherwise
 * wash every other cell out to the lightest shade).
 */
export function heatColour(theme: ChartTheme, n: number, max: number): string {
  if (n <= 0 || max <= 0) return theme.heatNone
  const lo = hex(theme.heatLow)
  const hi = hex(theme.heatHigh)
  if (!lo || !hi) return theme.heatHigh
  const f = max === 1 ? 1 : Math.sqrt((n - 1) / (max - 1))
  const mix = lo.map((a, i) => Math.round(a + (hi[i]! - a) * f))
  return `rgb(${mix.join(', ')})`
}
