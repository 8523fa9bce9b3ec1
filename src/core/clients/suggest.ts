/**
 * Suggestions: frequent senders of no client, and the identity "Add to client" would add for
 * each. An email address names a person wherever they write, so it counts on any site; a chat
 * handle or a display name only means something on the site it came from ("Ana" on Slack is not
 * "Ana" on WhatsApp), so it is limited to that site.
 */
import type { Matcher } from './matcher'
import type { Identity } from './schema'

/** What a suggestion knows about the sender (store/clients `Suggestion`). */
export interface SuggestedSender {
  site: string
  idKind: 'email' | 'handle' | 'name'
  idValue: string
}

export function suggestedIdentity(s: SuggestedSender): Identity {
  return { kind: s.idKind, value: s.idValue, site: s.idKind === 'email' ? '' : s.site }
}

/**
 * The suggestions still worth showing under the current rules: captures keep the client they
 * had when they arrived, so a sender added to a client (or made an emergency sender) since
 * would otherwise be suggested again.
 */
export function stillUnknown<S extends SuggestedSender>(list: readonly S[], rules: Matcher): S[] {
  return list.filter((s) => {
    const who = rules.match({
      site: s.site,
      name: s.idKind === 'name' ? s.idValue : '',
      conversation: '',
      emails: s.idKind === 'email' ? [s.idValue] : [],
      handles: s.idKind === 'handle' ? [s.idValue] : [],
    })
    return !who.client && !who.emergency
  })
}
