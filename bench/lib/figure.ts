/** One line of the benchmark table: a figure, its budget if it has one, and whether it is met. */

export interface Budget {
  op: '<' | '<=' | '>='
  limit: number
}

export interface Figure {
  /** Stable key in results.json. */
  key: string
  label: string
  value: number
  unit: string
  budget?: Budget
  /** How it was measured, or what else to know, shown under the line. */
  note?: string
}

export type Status = 'ok' | 'MISSED' | 'info'

export function statusOf(f: Figure): Status {
  const b = f.budget
  if (!b) return 'info'
  const met =
    b.op === '<' ? f.value < b.limit : b.op === '<=' ? f.value <= b.limit : f.value >= b.limit
  return met ? 'ok' : 'MISSED'
}

const fmt = (x: number) =>
  Math.abs(x) >= 10_000
    ? Math.round(x).toLocaleString('en-US')
    : Math.abs(x) >= 100
      ? x.toFixed(0)
      : x.toFixed(Math.abs(x) >= 10 ? 1 : 2)

export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    `${fmt(f.value)} ${f.unit}`,
    f.budget ? `${f.budget.op} ${fmt(f.budget.limit)} ${f.unit}` : '',
    statusOf(f),
  ])
  const head = ['figure', 'value', 'budget', 'status']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  ')]
  for (const [i, r] of rows.entries()) {
    out.push(line(r))
    const note = figures[i]?.note
    if (note) out.push(`    ${note}`)
  }
  return out.join('\n')
}
