/**
 * Where a JSON text first breaks the grammar (https://www.rfc-editor.org/rfc/rfc8259), as an
 * index, or -1 when it is valid. `JSON.parse` says what went wrong but not always where (V8's
 * "Unexpected token '}', ...\"b\": }\" is not valid JSON" has no position), and "line 3,
 * column 8" is what a person needs to fix a file by hand. Iterative, so a deeply nested file
 * cannot overflow the stack.
 */

const WS = new Set([' ', '\t', '\n', '\r'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const HEX4 = /[0-9a-fA-F]{4}/y

type Want = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after'

/** The end of the string starting at `i` (a `"`), or the bitwise-not of where it breaks. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text[j] as string
    if (ch === '"') return j + 1
    if (ch.charCodeAt(0) < 0x20) return ~j
    if (ch === '\\') {
      const next = text[j + 1] ?? ''
      if (next === 'u') {
        HEX4.lastIndex = j + 2
        if (!HEX4.test(text)) return ~(j + 1)
        j += 5
      } else if (ESCAPES.has(next)) j++
      else return ~(j + 1)
    }
  }
  return ~text.length
}

/** The end of the number or literal at `i`, or the bitwise-not of `i`. */
function scalarEnd(text: string, i: number): number {
  if (text[i] === '"') return stringEnd(text, i)
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length
  NUMBER.lastIndex = i
  return NUMBER.test(text) ? NUMBER.lastIndex : ~i
}

export function jsonErrorAt(text: string): number {
  const stack: string[] = []
  let want: Want = 'value'
  let i = 0
  for (;;) {
    while (i < text.length && WS.has(text[i] as string)) i++
    if (i >= text.length) return want === 'after' && stack.length === 0 ? -1 : i
    const ch = text[i] as string
    const top = stack.at(-1)
    if ((want === 'value-or-close' && ch === ']') || (want === 'key-or-close' && ch === '}')) {
      stack.pop()
      i++
      want = 'after'
    } else if (want === 'value' || want === 'value-or-close') {
      if (ch === '{' || ch === '[') {
        stack.push(ch)
        i++
        want = ch === '{' ? 'key-or-close' : 'value-or-close'
      } else {
        const end = scalarEnd(text, i)
        if (end < 0) return ~end
        i = end
        want = 'after'
      }
    } else if (want === 'key' || want === 'key-or-close') {
      const end = ch === '"' ? stringEnd(text, i) : ~i
      if (end < 0) return ~end
      i = end
      want = 'colon'
    } else if (want === 'colon') {
      if (ch !== ':') return i
      i++
      want = 'value'
    } else if (top !== undefined && ch === ',') {
      i++
      want = top === '{' ? 'key' : 'value'
    } else if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
      stack.pop()
      i++
    } else return i
  }
}

/** 1-based line and column (in UTF-16 units) of an index. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index)
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.split('\n').length, column: index - lastBreak }
}
