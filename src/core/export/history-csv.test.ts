import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../clients/csv'
import { BOM, neutralize } from './csv-cell'
import type { ExportCapture } from './exporter'
import { CSV_COLUMNS, csvCells, historyCsv } from './history-csv'
import { isoLocal } from './local-time'
import { exportCapture } from './testing'

const ctx = { clientNames: new Map([['c1', 'Acme, S.L.']]) }

function exportAll(rows: ExportCapture[], sep: ',' | ';' = ','): string {
  const out = historyCsv(ctx, sep)
  // In two chunks, as the page reads them.
  const half = Math.ceil(rows.length / 2)
  return out.start() + out.rows(rows.slice(0, half)) + out.rows(rows.slice(half)) + out.end()
}

describe('historyCsv', () => {
  it('starts with a byte order mark and the header, one CRLF-ended row per capture', () => {
    const text = exportAll([exportCapture(), exportCapture({ id: 2 })])
    expect(text.startsWith(`${BOM}id,time_local,time_utc,site,client,`)).toBe(true)
    const lines = text.slice(1).split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]?.split(',')).toEqual([...CSV_COLUMNS])
    expect(lines[3]).toBe('')
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  })

  it('writes every column of a capture', () => {
    const c = exportCapture({
      id: 7,
      clientId: 'c1',
      sender: 'Ana',
      conversation: 'Proyecto X',
      title: 'Ana',
      body: 'Es urgente',
      verdict: 'deliver',
      reason: 'urgent-keyword',
      why: { rule: 'urgent-keyword', keyword: 'urgente' },
      keyword: 'urgente',
      urgent: 1,
      status: 'delivered',
    })
    expect(csvCells(c, ctx)).toEqual([
      7,
      isoLocal(c.at),
      '2026-11-24T08:05:03Z',
      'gmail',
      'Acme, S.L.',
      'Ana',
      'Proyecto X',
      'Ana',
      'Es urgente',
      'deliver',
      'urgent-keyword',
      'urgent-keyword',
      'urgente',
      1,
      0,
      'delivered',
    ])
    expect(exportAll([c])).toContain(',"Acme, S.L.",Ana,')
  })

  it('gives a deleted client no name', () => {
    expect(csvCells(exportCapture({ clientId: 'gone' }), ctx)[4]).toBe('')
  })

  it('escapes what pages put in titles and bodies', () => {
    const text = exportAll([
      exportCapture({
        title: '=HYPERLINK("http://x.test","clic")',
        body: 'Línea 1\r\nLínea 2, con "comillas"',
        sender: '@ana',
        conversation: '-grupo',
      }),
    ])
    expect(text).toContain(`'@ana,'-grupo,"'=HYPERLINK(""http://x.test"",""clic"")",`)
    expect(text).toContain('"Línea 1\r\nLínea 2, con ""comillas"""')
  })

  it('uses the semicolon when asked, for spreadsheets in languages with a decimal comma', () => {
    const text = exportAll([exportCapture({ clientId: 'c1', body: 'a;b' })], ';')
    expect(text).toContain('id;time_local;')
    expect(text).toContain(';Acme, S.L.;')
    expect(text).toContain(';"a;b";')
  })

  it('reads back to the same cells with the contacts CSV parser, less the injection mark', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 })
    const anyText = fc.oneof(
      text,
      fc.constantFrom('=1+1', '+1', '-1', '@a', '\tx', '\rx', 'a,b', 'a;b', '"', 'x\r\ny', '\n'),
    )
    const capture = fc.record({
      title: anyText,
      body: anyText,
      sender: anyText,
      conversation: anyText,
      keyword: anyText,
    })
    fc.assert(
      fc.property(fc.array(capture, { maxLength: 5 }), fc.constantFrom(',', ';'), (parts, sep) => {
        const rows = parts.map((p, i) => exportCapture({ id: i + 1, ...p }))
        const table = parseCsv(exportAll(rows, sep as ',' | ';'), { separator: sep as ',' | ';' })
        expect(table.unclosedQuoteAt).toBe(0)
        expect(table.records[0]?.fields).toEqual([...CSV_COLUMNS])
        const written = rows.map((r) =>
          csvCells(r, ctx).map((v) => (typeof v === 'number' ? String(v) : neutralize(v))),
        )
        expect(table.records.slice(1).map((r) => r.fields)).toEqual(written)
        // Less its mark, each cell is what was stored.
        const stored = rows.map((r) => csvCells(r, ctx).map(String))
        expect(written.map((cells, i) => cells.map((w, j) => unmark(w, stored[i]?.[j])))).toEqual(
          stored,
        )
      }),
      { numRuns: 300 },
    )
  })
})

/** A written cell less the injection mark, when the stored one had none there. */
const unmark = (field: string, stored = '') =>
  field === `'${stored}` && /^[=+\-@\t\r\0]/.test(stored) ? stored : field
