import { describe, expect, it } from 'vitest'
import { decodeText, detectSeparator, parseCsv } from './csv'

const fields = (text: string, opts?: Parameters<typeof parseCsv>[1]) =>
  parseCsv(text, opts).records.map((r) => r.fields)

describe('parseCsv', () => {
  it('splits plain records on LF and CRLF', () => {
    expect(fields('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(fields('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(fields('a,b\rc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  it('reads quoted fields with doubled quotes, separators and line breaks inside', () => {
    const text = '"Pérez, Ana","ana@acme.com"\r\n"Say ""hi""","line one\r\nline two"\n'
    expect(fields(text)).toEqual([
      ['Pérez, Ana', 'ana@acme.com'],
      ['Say "hi"', 'line one\r\nline two'],
    ])
  })

  it('keeps empty fields, including a trailing one and an empty quoted one', () => {
    expect(fields('a,,c,\n"",x')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x'],
    ])
  })

  it('strips a byte order mark', () => {
    expect(fields('\uFEFFname,email\nAna,a@b.co')[0]).toEqual(['name', 'email'])
  })

  it('skips blank lines and lines of separators only', () => {
    expect(fields('a;b\n\n;;\r\n  \nc;d\n\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  it('numbers records by the line they start on', () => {
    const table = parseCsv('a,b\n"multi\nline",x\n\nc,d')
    expect(table.records.map((r) => r.line)).toEqual([1, 2, 5])
    expect(parseCsv('"x\r\ny",1\r\nz,2').records.map((r) => r.line)).toEqual([1, 3])
  })

  it('treats a quote inside an unquoted field as text, and keeps text after a closing quote', () => {
    expect(fields('5" disk,ok\n"ab"cd,x')).toEqual([
      ['5" disk', 'ok'],
      ['abcd', 'x'],
    ])
  })

  it('reports a quote that is never closed and keeps the rest as the field', () => {
    const table = parseCsv('a,b\n"open,x\ny,z')
    expect(table.unclosedQuoteAt).toBe(2)
    expect(table.records[1]?.fields).toEqual(['open,x\ny,z'])
    expect(parseCsv('a,"b"').unclosedQuoteAt).toBe(0)
  })

  it('stops at the limit and says more followed, not counting blank lines', () => {
    const text = 'a\nb\nc\n\n'
    expect(parseCsv(text, { limit: 2 })).toMatchObject({ more: true })
    expect(fields(text, { limit: 2 })).toEqual([['a'], ['b']])
    expect(parseCsv(text, { limit: 3 }).more).toBe(false)
  })

  it('uses the separator it is given', () => {
    expect(fields('a;b,c', { separator: ';' })).toEqual([['a', 'b,c']])
    expect(fields('a\tb', { separator: '\t' })).toEqual([['a', 'b']])
  })

  it('reads nothing from an empty text', () => {
    expect(parseCsv('')).toEqual({ records: [], separator: ',', more: false, unclosedQuoteAt: 0 })
    expect(parseCsv('\uFEFF\r\n').records).toEqual([])
  })
})

describe('detectSeparator', () => {
  it('takes the separator used most on the first line, outside quotes', () => {
    expect(detectSeparator('nombre;correo\nAna;a@b.co')).toBe(';')
    expect(detectSeparator('name,email')).toBe(',')
    expect(detectSeparator('name\temail')).toBe('\t')
    expect(detectSeparator('"Pérez, Ana";"a@b.co"')).toBe(';')
    expect(detectSeparator('"a;b;c",d')).toBe(',')
  })

  it('defaults to a comma', () => {
    expect(detectSeparator('just one column\nmore')).toBe(',')
    expect(detectSeparator('')).toBe(',')
  })

  it('detects after a byte order mark, and reads Spanish Excel files with it', () => {
    const text = '\uFEFFNombre;Correo electrónico\r\n"Muñoz; José";jose@acme.es\r\n'
    expect(detectSeparator(text)).toBe(';')
    expect(fields(text)).toEqual([
      ['Nombre', 'Correo electrónico'],
      ['Muñoz; José', 'jose@acme.es'],
    ])
  })
})

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    const utf8 = new TextEncoder().encode('Muñoz;a@b.co')
    expect(decodeText(utf8)).toBe('Muñoz;a@b.co')
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('Muñoz;a@b.co')
  })

  it('falls back to Windows-1252, as Excel writes plain CSV', () => {
    // "Muñoz" with ñ = 0xF1; "€" = 0x80 and "“…”" = 0x93…0x94 in Windows-1252.
    const bytes = new Uint8Array([0x4d, 0x75, 0xf1, 0x6f, 0x7a, 0x3b, 0x80, 0x93, 0x41, 0x94])
    expect(decodeText(bytes)).toBe('Muñoz;€“A”')
  })

  it('reads UTF-16 with a byte order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xf1, 0x00])
    expect(decodeText(le)).toBe('Añ')
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x00, 0xf1])
    expect(decodeText(be)).toBe('Añ')
  })
})
