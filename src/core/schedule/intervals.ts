/** Sets of instants as sorted runs of half-open intervals [start, end). */
import type { Span } from './periods'

/**
 * The union of `spans`: sorted, with no two overlapping or touching (touching runs join), and no
 * empty ones. Idempotent: `merge(merge(x))` equals `merge(x)`.
 */
export function merge(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start)
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ start: s.start, end: s.end })
  }
  return out
}

/** Total length covered. */
export function covered(spans: readonly Span[]): number {
  return merge(spans).reduce((sum, s) => sum + s.end - s.start, 0)
}
