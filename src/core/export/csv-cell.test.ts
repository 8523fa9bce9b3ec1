import { describe, expect, it } from 'vitest'
import { cell, csvLine, neutralize, quote } from './csv-cell'

describe('neutralize (formula injection)', () => {
  it('puts a quote mark before every character a spreadsheet starts a formula with', () => {
    for (const text of ['=1+1', '+34 600 000 000', '-2', '@SUM(A1)', '\tx', '\rx', '\0x'])
      expect(neutralize(text)).toBe(`'${text}`)
    expect(neutralize('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`)
  })

  it('leaves everything else alone, including those characters further in', () => {
    for (const text of ['', 'a=b', ' =1', "'quoted", 'Reunión 10-11', 'ñandú', '1+1', '\nx'])
      expect(neutralize(text)).toBe(text)
  })
})

describe('quote (RFC 4180)', () => {
  it('quotes a cell with the separator, a quote, CR or LF, doubling inner quotes', () => {
    expect(quote('a,b', ',')).toBe('"a,b"')
    expect(quote('a;b', ',')).toBe('a;b')
    expect(quote('a;b', ';')).toBe('"a;b"')
    expect(quote('say "hi"', ',')).toBe('"say ""hi"""')
    expect(quote('two\nlines', ',')).toBe('"two\nlines"')
    expect(quote('cr\rhere', ',')).toBe('"cr\rhere"')
    expect(quote('crlf\r\n', ',')).toBe('"crlf\r\n"')
  })

  it('leaves plain text, and any Unicode, unquoted', () => {
    for (const text of ['plain', 'Muñoz Peña', '日本語', '👩‍💻 emoji', ''])
      expect(quote(text, ',')).toBe(text)
  })
})

describe('cell and csvLine', () => {
  it('neutralizes before quoting, so a quoted formula is still caught', () => {
    expect(cell('=A1,B1', ',')).toBe(`"'=A1,B1"`)
    expect(cell('-"x"', ',')).toBe(`"'-""x"""`)
    expect(cell('\t1', ',')).toBe("'\t1")
  })

  it('writes numbers as they are: Margen writes those itself', () => {
    expect(cell(0, ',')).toBe('0')
    expect(cell(12345, ',')).toBe('12345')
  })

  it('ends a record with CRLF', () => {
    expect(csvLine(['a', 1, 'b,c', '@x'], ',')).toBe(`a,1,"b,c",'@x\r\n`)
    expect(csvLine(['a', 'b,c'], ';')).toBe('a;b,c\r\n')
  })
})
