/** Small order statistics for benchmark samples. */

/** The p-th percentile (0..100) of `values`, nearest-rank on a sorted copy. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number
}

export const median = (values: readonly number[]) => percentile(values, 50)

export interface Summary {
  n: number
  min: number
  p50: number
  p95: number
  max: number
  mean: number
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    min: Math.min(...values),
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  }
}

/** Half the interquartile range, as a percentage of the median: a robust "± spread". */
export function spreadPct(values: readonly number[]): number {
  return ((percentile(values, 75) - percentile(values, 25)) / 2 / median(values)) * 100
}

export const round = (x: number, digits = 1) => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
