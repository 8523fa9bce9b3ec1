import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileKeywords } from './keywords'
import { DEFAULT_KEYWORDS } from './schema'

describe('compileKeywords', () => {
  const keyword = compileKeywords(DEFAULT_KEYWORDS)

  it.each([
    ['URGENTE', 'urgente'],
    ['Urgénte!', 'urgente'],
    ['¡¡URGENTE!! el servidor está caído', 'urgente'],
    ['Re: urgente', 'urgente'],
    ['(urgente)', 'urgente'],
    ['"asap"', 'asap'],
    ['Please reply ASAP.', 'asap'],
    ['This is Urgent', 'urgent'],
    ['respond urgently', 'urgently'],
    ['Emergencia en producción', 'emergencia'],
    ['Hazlo lo antes posible', 'lo antes posible'],
    ['hazlo LO  ANTES\u00a0POSIBLE.', 'lo antes posible'],
    ['Lo Antes Posíble', 'lo antes posible'],
    ['respóndeme cuanto antes', 'cuanto antes'],
    ['line one\nurgencia\nline three', 'urgencia'],
    ['urgent: critical', 'urgent'],
    ['critical, then urgent', 'critical'],
  ])('%j → %j', (text, found) => {
    expect(keyword(text)).toBe(found)
  })

  it.each([
    'urgentemente',
    'Necesito esto urgentemente',
    'nonurgent',
    'urgents',
    'asapp',
    'emergencias',
    'inmediatos',
    'lo antes',
    'antes posible',
    'lo antes posiblemente',
    'urgent1',
    '1urgent',
    '',
    'Hola, ¿puedes revisar el presupuesto?',
  ])('%j has no keyword', (text) => {
    expect(keyword(text)).toBe('')
  })

  it('prefers the phrase to a shorter keyword inside it', () => {
    const k = compileKeywords(['antes', 'lo antes posible'])
    expect(k('hazlo lo antes posible')).toBe('lo antes posible')
    expect(k('antes de las cinco')).toBe('antes')
  })

  it('answers with the keyword as the user listed it, the first of those that are the same', () => {
    const k = compileKeywords(['URGÉNTE', 'urgente', 'Cuanto  Antes'])
    expect(k('es urgente')).toBe('URGÉNTE')
    expect(k('cuanto antes')).toBe('Cuanto  Antes')
  })

  it('matches nothing with an empty list, or a list of blanks', () => {
    expect(compileKeywords([])('urgent asap')).toBe('')
    expect(compileKeywords(['', '  ', '\u0301'])('urgent asap')).toBe('')
  })

  it('takes regular expression metacharacters literally', () => {
    const k = compileKeywords(['a+b', '(x)', 'c.d', '[p]', 'q|r', 'y?', 'z*', '$1', '^up', 'b\\s'])
    expect(k('see a+b now')).toBe('a+b')
    expect(k('aab')).toBe('')
    expect(k('ab')).toBe('')
    expect(k('note (x) here')).toBe('(x)')
    expect(k('note x here')).toBe('')
    expect(k('c.d')).toBe('c.d')
    expect(k('cxd')).toBe('')
    expect(k('[p]')).toBe('[p]')
    expect(k('p')).toBe('')
    expect(k('q|r')).toBe('q|r')
    expect(k('q')).toBe('')
    expect(k('r')).toBe('')
    expect(k('why y? because')).toBe('y?')
    expect(k('y')).toBe('')
    expect(k('zzz')).toBe('')
    expect(k('$1 off')).toBe('$1')
    expect(k('^up')).toBe('^up')
    expect(k('up')).toBe('')
    expect(k('b\\s')).toBe('b\\s')
    expect(k('b ')).toBe('')
  })

  it('never throws, whatever the keywords and the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 6 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (keywords, text) => {
          const found = compileKeywords(keywords)(text)
          expect(found === '' || keywords.includes(found)).toBe(true)
        },
      ),
    )
  })

  it('finds a listed word wherever it stands alone in a text', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdeé'.split('')),
      minLength: 1,
      maxLength: 6,
    })
    const gap = fc.constantFrom(' ', '. ', ', ', '!', '\n', ' (')
    fc.assert(
      fc.property(word, word, word, gap, gap, (kw, before, after, g1, g2) => {
        expect(compileKeywords([kw])(`${before}${g1}${kw.toUpperCase()}${g2}${after}`)).toBe(kw)
      }),
    )
  })
})

/** The definition the compiled patterns must agree with: compare normalised text and keywords. */
function reference(keywords: readonly string[], text: string): string {
  const norm = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
  const t = norm(text)
  const found = keywords
    .map((k) => [norm(k), k] as const)
    .filter(([n]) => n !== '')
    .sort((a, b) => b[0].length - a[0].length)
  let best: { at: number; keyword: string } | null = null
  for (const [n, k] of found) {
    let from = 0
    for (;;) {
      const at = t.indexOf(n, from)
      if (at < 0) break
      const before = at === 0 ? '' : (t[at - 1] as string)
      const after = t.slice(at + n.length, at + n.length + 1)
      const word = /[\p{L}\p{N}]/u
      if (!word.test(before) && !word.test(after)) {
        if (!best || at < best.at) best = { at, keyword: k }
        break
      }
      from = at + 1
    }
  }
  return best?.keyword ?? ''
}

describe('compiled keywords against the normalising definition', () => {
  const letters = [...'aeinousrtgc AEIOUN áéíóúñüÁÉÍÓÚÑ.,!¿?-\u00a0\n', 'e\u0301', 'n\u0303']
  const text = fc.array(fc.constantFrom(...letters), { maxLength: 40 }).map((a) => a.join(''))
  const keyword = fc.constantFrom(
    'urgente',
    'Urgénte',
    'asap',
    'lo antes posible',
    'ñu',
    'si',
    'sí',
  )

  it('finds the same keyword in any text', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyword, { maxLength: 4 }), text, (keywords, t) => {
        const got = compileKeywords(keywords)(t)
        const want = reference(keywords, t)
        // Both must agree on whether there is a match; which keyword is reported when several
        // start at the same place may differ only between keywords with the same normal form.
        expect(got === '' ? '' : got.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toBe(
          want === '' ? '' : want.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
        )
      }),
      { numRuns: 3000 },
    )
  })
})
