/**
 * Urgent keywords, matched as whole words or phrases, ignoring case, accents and spacing:
 * "URGENTE", "Urgénte" and "urgente!" all match "urgente"; "urgentemente" does not.
 */
import { normName } from './identity'

export type KeywordMatcher = (text: string) => string

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Compiled once per settings change: one regular expression for the whole list. */
export function compileKeywords(keywords: readonly string[]): KeywordMatcher {
  const byNorm = new Map<string, string>()
  for (const k of keywords) {
    const n = normName(k)
    if (n && !byNorm.has(n)) byNorm.set(n, k)
  }
  if (byNorm.size === 0) return () => ''
  // Longest first, so that "lo antes posible" wins over a shorter keyword inside it.
  const alternatives = [...byNorm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)
  const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u')
  return (text) => {
    const m = re.exec(normName(text))
    return m ? (byNorm.get(m[1] as string) ?? '') : ''
  }
}
