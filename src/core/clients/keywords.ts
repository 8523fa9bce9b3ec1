/**
 * Urgent keywords, matched as whole words or phrases, ignoring case, accents and spacing:
 * "URGENTE", "Urgénte" and "urgente!" all match "urgente"; "urgentemente" does not.
 *
 * The text is not normalised per capture (that was most of the decision's cost): each keyword
 * is compiled into a pattern that already accepts every accented form of its letters and any
 * run of spaces, so one regular expression runs over the text as it came. The result is the
 * same as comparing normName(text) with normName(keyword) (keywords.test.ts holds the two
 * equal on generated text).
 */
import { normName } from './identity'

export type KeywordMatcher = (text: string) => string

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every precomposed Latin letter, by the plain letter it decomposes to: e → eèéêë…, n → nñ… */
const VARIANTS: ReadonlyMap<string, string> = (() => {
  const byBase = new Map<string, string>()
  for (let code = 0xc0; code <= 0x24f; code++) {
    const ch = String.fromCharCode(code)
    const base = ch.normalize('NFD')[0]?.toLowerCase() ?? ''
    // Both cases are listed as they are (İ lower-cases to two characters).
    if (base >= 'a' && base <= 'z' && ch !== base)
      byBase.set(base, (byBase.get(base) ?? base + base.toUpperCase()) + ch)
  }
  return byBase
})()

/** A normalised keyword as a pattern over raw text. */
function patternOf(keyword: string): string {
  let out = ''
  for (const ch of keyword) {
    if (ch === ' ') out += '[\\s\\u00a0]+'
    else {
      const variants = VARIANTS.get(ch)
      const upper = ch.toUpperCase()
      // Both cases spelt out: a case-insensitive Unicode expression is several times slower.
      out += variants
        ? `[${variants}]`
        : upper !== ch && upper.length === 1
          ? `[${ch}${upper}]`
          : escapeRegExp(ch)
    }
  }
  return out
}

/** Compiled once per settings change: one regular expression for the whole list. */
export function compileKeywords(keywords: readonly string[]): KeywordMatcher {
  const byNorm = new Map<string, string>()
  for (const k of keywords) {
    const n = normName(k)
    if (n && !byNorm.has(n)) byNorm.set(n, k)
  }
  if (byNorm.size === 0) return () => ''
  // Longest first, so that "lo antes posible" wins over a shorter keyword inside it.
  const alternatives = [...byNorm.keys()].sort((a, b) => b.length - a.length).map(patternOf)
  const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u')
  return (raw) => {
    // Text with separate combining accents ("e" + U+0301) is composed first, as the patterns expect.
    const text = COMBINING.test(raw) ? raw.normalize('NFC') : raw
    const m = re.exec(text)
    return m ? (byNorm.get(normName(m[1] as string)) ?? '') : ''
  }
}

const COMBINING = /[\u0300-\u036f]/
