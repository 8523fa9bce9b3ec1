import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ExportCapture } from './exporter'
import { exportFileName } from './exporter'
import { historyJson } from './history-json'
import { exportCapture } from './testing'

const ctx = { clientNames: new Map([['c1', 'Acme']]) }
const meta = { exportedAt: Date.UTC(2026, 10, 24, 10), timeZone: 'Europe/Madrid' }

/** The file as the page builds it: start, the chunks (some may be empty), end. */
function exportChunks(chunks: ExportCapture[][]): string {
  const out = historyJson(ctx, meta)
  return out.start() + chunks.map((c) => out.rows(c)).join('') + out.end()
}

describe('historyJson', () => {
  it('is a versioned envelope around the captures, valid JSON even with none', () => {
    expect(JSON.parse(exportChunks([]))).toEqual({
      format: 'margen-history',
      formatVersion: 1,
      exportedAt: '2026-11-24T10:00:00.000Z',
      timeZone: 'Europe/Madrid',
      captures: [],
    })
  })

  it('keeps what was stored, with the client name and booleans for the flags', () => {
    const c = exportCapture({
      id: 3,
      clientId: 'c1',
      urgent: 1,
      why: { rule: 'repeat', count: 3, minutes: 10 },
    })
    const [row] = JSON.parse(exportChunks([[c]])).captures
    expect(row).toMatchObject({
      id: 3,
      at: c.at,
      site: 'gmail',
      clientId: 'c1',
      clientName: 'Acme',
      why: { rule: 'repeat', count: 3, minutes: 10 },
      urgent: true,
      notUrgent: false,
      status: 'held',
    })
    expect(Date.parse(row.time)).toBe(c.at)
    // A tab's handles mean nothing once the tab is gone.
    for (const key of ['ref', 'tabId', 'frameId']) expect(row).not.toHaveProperty(key)
  })

  it('stays valid JSON, with every capture in order, however the rows are chunked', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 3 }), { maxLength: 5 }), (chunks) => {
        let id = 0
        const rows = chunks.map((bodies) => bodies.map((body) => exportCapture({ id: ++id, body })))
        const parsed = JSON.parse(exportChunks(rows))
        expect(parsed.captures.map((c: { id: number; body: string }) => [c.id, c.body])).toEqual(
          rows.flat().map((c) => [c.id, c.body]),
        )
      }),
    )
  })
})

describe('exportFileName', () => {
  it('names the kind and the local date', () => {
    const noon = new Date(2026, 10, 24, 12).getTime()
    expect(exportFileName('history', 'csv', noon)).toBe('margen-history-2026-11-24.csv')
    expect(exportFileName('settings', 'json', noon)).toBe('margen-settings-2026-11-24.json')
  })
})
