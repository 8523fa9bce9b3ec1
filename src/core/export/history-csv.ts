/**
 * History as CSV: one row per capture, RFC 4180 with CRLF line ends and a UTF-8 byte order mark
 * (so Excel shows accents right), every text cell protected against formula injection
 * (csv-cell.ts). Column names are fixed English identifiers, the same in every language, so
 * that a spreadsheet or a script built on one export keeps working on the next.
 */
import { BOM, type CsvSeparator, csvLine } from './csv-cell'
import type { ExportCapture, ExportContext, HistoryExporter } from './exporter'
import { isoLocal, isoUtc } from './local-time'

export const CSV_COLUMNS = [
  'id',
  'time_local',
  'time_utc',
  'site',
  'client',
  'sender',
  'conversation',
  'title',
  'body',
  'verdict',
  'reason',
  'rule',
  'keyword',
  'urgent',
  'not_urgent',
  'status',
] as const

/** A capture's cells, in CSV_COLUMNS order. */
export function csvCells(c: ExportCapture, ctx: ExportContext): (string | number)[] {
  return [
    c.id,
    isoLocal(c.at),
    isoUtc(c.at),
    c.site,
    c.clientId === '' ? '' : (ctx.clientNames.get(c.clientId) ?? ''),
    c.sender,
    c.conversation,
    c.title,
    c.body,
    c.verdict,
    c.reason,
    c.why.rule,
    c.keyword,
    c.urgent,
    c.notUrgent,
    c.status,
  ]
}

/**
 * `sep`: `,` by default; `;` for spreadsheets set to a language that writes decimals with a
 * comma (Spanish Excel), which otherwise put each whole line in one column.
 */
export function historyCsv(ctx: ExportContext, sep: CsvSeparator = ','): HistoryExporter {
  return {
    ext: 'csv',
    mime: 'text/csv;charset=utf-8',
    start: () => BOM + csvLine(CSV_COLUMNS, sep),
    rows: (rows) => rows.map((c) => csvLine(csvCells(c, ctx), sep)).join(''),
    end: () => '',
  }
}
