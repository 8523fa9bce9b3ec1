/**
 * `<input type="datetime-local">` speaks local wall time as "YYYY-MM-DDTHH:MM", with no zone.
 * Reading it through `new Date(string)` would work too, but the parts are read by hand so that a
 * malformed value is refused instead of becoming Invalid Date somewhere later.
 */
const pad = (n: number) => String(n).padStart(2, '0')

export function toLocalInput(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/

/** The instant, or null when the field is empty or not a real date. */
export function fromLocalInput(value: string): number | null {
  const m = LOCAL.exec(value)
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number]
  const date = new Date(y, mo - 1, d, h, mi)
  // 31 February rolls over into March: refuse it rather than try another day.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d || h > 23 || mi > 59) return null
  return date.getTime()
}
