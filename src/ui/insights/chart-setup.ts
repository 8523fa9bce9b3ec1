/**
 * Chart.js, with only the parts the insights page uses registered (the bundle carries no other
 * chart type). Loaded on demand by chart-canvas.tsx, so that the page's numbers do not wait for
 * it to load and compile.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js'
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix'

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  MatrixController,
  MatrixElement,
)

export type AnyChartConfig = ChartConfiguration<'bar'> | ChartConfiguration<'matrix'>

export interface Drawn {
  update(config: AnyChartConfig): void
  destroy(): void
}

/**
 * Draws `config` on `el`; null where no 2D context exists (happy-dom, a locked-down browser) or
 * Chart.js fails: the canvas then says `data-chart="unavailable"` and the table keeps the numbers.
 */
export function drawChart(el: HTMLCanvasElement, config: AnyChartConfig): Drawn | null {
  let context: RenderingContext | null = null
  try {
    context = el.getContext('2d')
  } catch {}
  if (!context) {
    el.dataset.chart = 'unavailable'
    return null
  }
  try {
    // The page's own font, not Chart.js's Helvetica.
    Chart.defaults.font.family = getComputedStyle(el).fontFamily || Chart.defaults.font.family
    const chart = new Chart(el, config as ChartConfiguration)
    el.dataset.chart = 'drawn'
    return {
      update(next) {
        // Same chart, new numbers or colours: no flash of an empty canvas.
        chart.data = next.data as Chart['data']
        chart.options = next.options as Chart['options']
        chart.update()
      },
      destroy: () => chart.destroy(),
    }
  } catch (error) {
    // A chart that cannot be drawn must not take the page's numbers down with it.
    console.error('Margen: chart not drawn', error)
    el.dataset.chart = 'unavailable'
    return null
  }
}
