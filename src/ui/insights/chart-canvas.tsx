/**
 * One chart on a canvas that screen readers read as an image with a summary (the numbers follow
 * in a table). Chart.js is loaded when the first chart mounts (chart-setup.ts), after the page's
 * numbers are on screen.
 */
import { useEffect, useRef } from 'preact/hooks'
import type { AnyChartConfig, Drawn } from './chart-setup'

export type { AnyChartConfig } from './chart-setup'

interface Props {
  config: AnyChartConfig
  /** What the chart shows, in words: the canvas's accessible name. */
  label: string
  /** CSS height of the chart's box; the width follows the page. */
  height: number
  class?: string
}

export function ChartCanvas({ config, label, height, class: cls }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<Drawn | null>(null)
  // The latest config, for a chart drawn once Chart.js has loaded.
  const latest = useRef(config)
  latest.current = config

  useEffect(() => {
    let gone = false
    void import('./chart-setup').then(({ drawChart }) => {
      if (gone || !canvas.current) return
      chart.current = drawChart(canvas.current, latest.current)
    })
    return () => {
      gone = true
      chart.current?.destroy()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.update(config)
  }, [config])

  return (
    <div class={`in-chart ${cls ?? ''}`} style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  )
}
