/**
 * Reading the whole history for an export: oldest first through the `at` index, a chunk per
 * read, so that 100k captures never sit in one read (nor in one array). Paging resumes after the
 * last (at, id) read: the index orders captures of the same millisecond by id.
 */
import type { ExportContext, HistoryExporter } from '../core/export/exporter'
import type { CaptureRow, MargenDb } from './db'

export const EXPORT_CHUNK = 2_000

/**
 * Every capture, oldest first, `chunk` at a time. Each chunk is one `getAll` on the index range
 * after the last time read (a cursor walk is several times slower in Chromium); the captures of
 * that same millisecond not read yet come first, through a short walk over just those.
 */
export async function* captureChunks(
  db: MargenDb,
  chunk = EXPORT_CHUNK,
): AsyncGenerator<CaptureRow[]> {
  let last: { at: number; id: number } | null = null
  for (;;) {
    const after = last
    const ties: CaptureRow[] = after
      ? await db.captures
          .where('at')
          .equals(after.at)
          .filter((c) => c.id > after.id)
          .limit(chunk)
          .toArray()
      : []
    const room = chunk - ties.length
    const rest: CaptureRow[] =
      room === 0
        ? []
        : await (after ? db.captures.where('at').above(after.at) : db.captures.orderBy('at'))
            .limit(room)
            .toArray()
    const rows = ties.length > 0 ? [...ties, ...rest] : rest
    if (rows.length > 0) yield rows
    if (room > 0 && rest.length < room) return
    const end = rows[rows.length - 1] as CaptureRow
    last = { at: end.at, id: end.id }
  }
}

/** The export's pieces, for a Blob; `onChunk` hears how many captures are done so far. */
export async function exportHistory(
  db: MargenDb,
  exporter: HistoryExporter,
  opts: { chunk?: number; onChunk?: (done: number) => void } = {},
): Promise<{ parts: string[]; count: number }> {
  const parts = [exporter.start()]
  let count = 0
  for await (const rows of captureChunks(db, opts.chunk)) {
    parts.push(exporter.rows(rows))
    count += rows.length
    opts.onChunk?.(count)
  }
  parts.push(exporter.end())
  return { parts, count }
}

/** How many captures are stored and when the oldest came: a count and one index step. */
export async function historyStats(
  db: MargenDb,
): Promise<{ count: number; oldest: number | null }> {
  const [count, first] = await Promise.all([db.captures.count(), db.captures.orderBy('at').first()])
  return { count, oldest: first?.at ?? null }
}

/** Client names by id, for the export's client column. */
export const clientNames = (clients: readonly { id: string; name: string }[]): ExportContext => ({
  clientNames: new Map(clients.map((c) => [c.id, c.name])),
})
