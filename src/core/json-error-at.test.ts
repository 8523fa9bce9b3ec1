import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonErrorAt, lineColumn } from './json-error-at'

const validJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

describe('jsonErrorAt', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['0', ' -1.5e+3 ', '"a\\u00f1\\n"', '[]', '{}', '{"a":[1,{"b":null}]}'])
      expect(jsonErrorAt(text)).toBe(-1)
  })

  it('points at the first character that breaks the grammar', () => {
    const cases: [string, number][] = [
      ['{\n  "a": 1,\n  "b": }\n', 19],
      ['{"a":1', 6],
      ['[1,]', 3],
      ['{"a" 1}', 5],
      ['{a:1}', 1],
      ['tru', 0],
      ['[1] x', 4],
      ['"bad \\x"', 6],
      ['"tab\there"', 4],
      ['', 0],
      ['{"a":1}}', 7],
      ['[1 2]', 3],
      ['01', 1],
    ]
    for (const [text, at] of cases) expect([text, jsonErrorAt(text)]).toEqual([text, at])
  })

  it('agrees with JSON.parse on whether any text is valid', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9a-z.\\+-]{0,30}$/)
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json(), fc.string()), (text) => {
        expect(jsonErrorAt(text) === -1).toBe(validJson(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('survives deep nesting without recursion', () => {
    expect(jsonErrorAt('['.repeat(200_000))).toBe(200_000)
  })
})

describe('lineColumn', () => {
  it('counts from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})
