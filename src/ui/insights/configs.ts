/**
 * Chart.js configurations for the insights page, built from computed insights, labels and the
 * theme. Three series everywhere, the same colours in every chart: held, breakthroughs, and
 * delivered outside quiet periods; they add up to the captures.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js'
import type { Counts, Heatmap } from '../../core/insights'
import type { Bucket } from '../../core/insights/buckets'
import type { I18n } from '../i18n'
import type { Labels } from './labels'
import { type ChartTheme, heatColour } from './theme'

type Series = Pick<Counts, 'held' | 'delivered' | 'breakthroughs'>

function stacks(i18n: I18n, theme: ChartTheme, items: readonly Series[]): ChartDataset<'bar'>[] {
  const set = (label: string, colour: string, data: number[]): ChartDataset<'bar'> => ({
    label,
    data,
    backgroundColor: colour,
    borderColor: colour,
    borderWidth: 0,
    stack: 'all',
  })
  return [
    set(
      i18n.t('in_seriesHeld'),
      theme.held,
      items.map((x) => x.held),
    ),
    set(
      i18n.t('in_seriesBreakthroughs'),
      theme.breakthrough,
      items.map((x) => x.breakthroughs),
    ),
    set(
      i18n.t('in_seriesOpen'),
      theme.open,
      items.map((x) => x.delivered - x.breakthroughs),
    ),
  ]
}

function common(theme: ChartTheme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: theme.animate ? ({ duration: 250 } as const) : (false as const),
    color: theme.text,
    plugins: {
      legend: {
        position: 'bottom' as const,
        labels: { color: theme.text, boxWidth: 14, boxHeight: 14 },
      },
      tooltip: { mode: 'index' as const, intersect: false },
    },
  }
}

const axis = (theme: ChartTheme) => ({
  ticks: { color: theme.muted, precision: 0 },
  grid: { color: theme.grid },
  border: { color: theme.grid },
})

export function timelineConfig(
  i18n: I18n,
  theme: ChartTheme,
  labels: Labels,
  buckets: readonly Bucket[],
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels: buckets.map((b) => labels.bucket(b)), datasets: stacks(i18n, theme, buckets) },
    options: {
      ...common(theme),
      scales: {
        x: {
          stacked: true,
          ...axis(theme),
          grid: { display: false },
          ticks: { color: theme.muted, autoSkip: true, maxRotation: 0, autoSkipPadding: 12 },
        },
        y: { stacked: true, beginAtZero: true, ...axis(theme) },
      },
    },
  }
}

export function topConfig(
  i18n: I18n,
  theme: ChartTheme,
  names: readonly string[],
  lines: readonly Series[],
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels: [...names], datasets: stacks(i18n, theme, lines) },
    options: {
      ...common(theme),
      indexAxis: 'y',
      plugins: {
        ...common(theme).plugins,
        tooltip: { mode: 'index', axis: 'y', intersect: false },
      },
      scales: {
        x: { stacked: true, beginAtZero: true, ...axis(theme) },
        y: {
          stacked: true,
          ...axis(theme),
          grid: { display: false },
          ticks: { color: theme.text, autoSkip: false },
        },
      },
    },
  }
}

const HOURS = Array.from({ length: 24 }, (_, h) => h)
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6]

/** A tick on a cell's centre (the axes run from -0.5, so that cells sit on whole numbers). */
const whole = (v: string | number, max: number) =>
  Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) <= max

interface Cell {
  x: number
  y: number
  v: number
}

export function heatConfig(
  i18n: I18n,
  theme: ChartTheme,
  labels: Labels,
  map: Heatmap,
): ChartConfiguration<'matrix'> {
  const data: Cell[] = map.cells.flatMap((line, y) => line.map((v, x) => ({ x, y, v })))
  const cellOf = (raw: unknown) => raw as Cell
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: i18n.t('in_seriesCaptures'),
          data,
          backgroundColor: (c) => heatColour(theme, cellOf(c.raw)?.v ?? 0, map.max),
          borderColor: theme.grid,
          borderWidth: 1,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / 24 - 2,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / 7 - 2,
        },
      ],
    },
    options: {
      ...common(theme),
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => {
              const cell = cellOf(items[0]?.raw)
              return cell ? `${labels.weekdayLong(cell.y)} ${labels.hourSpan(cell.x)}` : ''
            },
            label: (item) => i18n.tp('in_captures', cellOf(item.raw).v),
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: -0.5,
          max: 23.5,
          offset: false,
          // Ticks on cell centres: the axis runs from -0.5, where Chart.js would start them.
          afterBuildTicks: (scale) => {
            scale.ticks = HOURS.map((value) => ({ value }))
          },
          ticks: {
            color: theme.muted,
            autoSkip: false,
            maxRotation: 0,
            callback: (v) => (whole(v, 23) && Number(v) % 3 === 0 ? labels.hour(Number(v)) : ''),
          },
          grid: { display: false },
          border: { color: theme.grid },
        },
        y: {
          type: 'linear',
          min: -0.5,
          max: 6.5,
          reverse: true,
          offset: false,
          afterBuildTicks: (scale) => {
            scale.ticks = WEEKDAYS.map((value) => ({ value }))
          },
          ticks: {
            color: theme.muted,
            autoSkip: false,
            callback: (v) => (whole(v, 6) ? labels.weekday(Number(v)) : ''),
          },
          grid: { display: false },
          border: { color: theme.grid },
        },
      },
    },
  }
}
