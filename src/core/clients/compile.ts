/**
 * The rules in the form the capture path uses: compiled once per settings change.
 */
import { compileKeywords, type KeywordMatcher } from './keywords'
import { compileMatcher, type Matcher } from './matcher'
import type { Client, Rules } from './schema'

export interface CompiledRules extends Matcher {
  /** The urgent keyword in a text, or ''. */
  keyword: KeywordMatcher
  emergencyChannel: string
  client(id: string): Client | undefined
}

export function compileRules(rules: Rules): CompiledRules {
  const matcher = compileMatcher(rules.clients, rules.emergency)
  const byId = new Map(rules.clients.map((c) => [c.id, c]))
  return {
    match: matcher.match,
    keyword: compileKeywords(rules.keywords),
    emergencyChannel: rules.emergencyChannel,
    client: (id) => byId.get(id),
  }
}
