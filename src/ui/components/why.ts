/**
 * A verdict explained to the user in one sentence: "Delivered: Ana Ruiz is an emergency sender",
 * "Held: Acme used its 2 breakthroughs for today". Every rule of core/decide has its sentence, so
 * no verdict is ever left unexplained (the point of keeping `why` with each capture).
 *
 * Pure: the text comes from `_locales` through `i18n`; the caller brings the names, because a
 * capture row stores ids and a try has the live rules.
 */
import type { Tier } from '../../core/clients/schema'
import type { Why } from '../../core/decide'
import type { Verdict } from '../../core/messages'
import { siteById } from '../../core/sites'
import type { I18n, MessageKey } from '../i18n'

export interface WhyInput {
  why: Why
  verdict: Verdict
  /** Who wrote, as the site parser named them. */
  sender: string
  /** The client's name, when the sender belongs to one (a client deleted since: undefined). */
  client?: string
  /** The client's tier, when known: it says why a keyword or a repeat counted. */
  tier?: Tier
  /** The site's label, for the emergency channel when its id is not a built-in site. */
  site: string
}

const TIER_KEYS: Record<Tier, MessageKey> = {
  priority: 'why_tier_priority',
  standard: 'why_tier_standard',
  'low-tolerance': 'why_tier_lowTolerance',
}

/** English ordinals need the "ordinal" plural rules (1st, 2nd, 3rd, 4th); other languages may not. */
const ORDINAL_KEYS: Partial<Record<Intl.LDMLPluralRule, MessageKey>> = {
  one: 'why_ordinal_one',
  two: 'why_ordinal_two',
  few: 'why_ordinal_few',
}

function ordinal(i18n: I18n, n: number): string {
  const category = new Intl.PluralRules(i18n.lang, { type: 'ordinal' }).select(n)
  return i18n.t(ORDINAL_KEYS[category] ?? 'why_ordinal_other', i18n.number(n))
}

/** The rule's clause, without "Delivered:" / "Held:". */
export function whyClause(i18n: I18n, input: WhyInput): string {
  const { why } = input
  const sender = input.sender || i18n.t('ui_untitled')
  // A client's rules fired, so the client is who the sentence is about; its name may be gone.
  const client = input.client || sender
  const withTier = input.tier ? i18n.t(TIER_KEYS[input.tier], client) : client
  switch (why.rule) {
    case 'open':
      return i18n.t('why_open')
    case 'emergency-sender':
      return i18n.t('why_emergencySender', input.sender || why.identity)
    case 'emergency-channel':
      return i18n.t('why_emergencyChannel', client, siteById(why.site)?.label ?? input.site)
    case 'urgent-keyword':
      return i18n.t('why_urgentKeyword', why.keyword, withTier)
    case 'repeat':
      return i18n.t(
        'why_repeat',
        ordinal(i18n, why.count),
        withTier,
        i18n.tp('why_minutes', why.minutes),
        i18n.number(why.count),
      )
    case 'unknown-sender':
      return i18n.t('why_unknownSender')
    case 'low-tolerance':
      return i18n.t('why_lowTolerance', client)
    case 'quota-used':
      return why.quota === 0
        ? i18n.t('why_quotaNone', client)
        : i18n.tp('why_quotaUsed', why.quota, client)
    case 'emergencies-only':
      return i18n.t('why_emergenciesOnly')
    case 'no-breakthrough':
      return i18n.t('why_noBreakthrough')
  }
}

/** "Delivered: …" or "Held: …". */
export function explainWhy(i18n: I18n, input: WhyInput): string {
  const key = input.verdict === 'deliver' ? 'why_delivered' : 'why_held'
  return i18n.t(key, whyClause(i18n, input))
}
