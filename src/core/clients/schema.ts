/**
 * Clients and breakthrough rules, as stored in the settings (v3). Error messages are codes from
 * RULE_ERRORS, so the options page can show them inline in the user's language.
 */
import { z } from 'zod'
import { SITES } from '../sites'
import { normDomain, normEmail, normHandle, normName } from './identity'

const SITE_IDS = SITES.map((s) => s.id) as [string, ...string[]]
export const SiteId = z.enum(SITE_IDS)

export const IdentityKind = z.enum(['email', 'domain', 'name', 'handle'])
export type IdentityKind = z.infer<typeof IdentityKind>

/** The normal form an identity is compared in; '' when the value is not one of its kind. */
export function normIdentity(kind: IdentityKind, value: string): string {
  switch (kind) {
    case 'email':
      return normEmail(value)
    case 'domain':
      return normDomain(value)
    case 'name':
      return normName(value)
    case 'handle':
      return normHandle(value)
  }
}

export const Identity = z
  .strictObject({
    kind: IdentityKind,
    value: z.string().max(200, 'too-long'),
    /** Only on this site ('' = any site). */
    site: z.union([SiteId, z.literal('')]),
  })
  .refine((i) => normIdentity(i.kind, i.value) !== '', {
    message: 'identity-invalid',
    path: ['value'],
  })
export type Identity = z.infer<typeof Identity>

export const Tier = z.enum(['priority', 'standard', 'low-tolerance'])
export type Tier = z.infer<typeof Tier>

export const RepeatRule = z.strictObject({
  /** Breaks through on the count-th message... */
  count: z.number().int().min(2, 'repeat-count').max(20, 'repeat-count'),
  /** ...within this many minutes. */
  minutes: z.number().int().min(1, 'repeat-minutes').max(240, 'repeat-minutes'),
})
export type RepeatRule = z.infer<typeof RepeatRule>

export const Client = z.strictObject({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1, 'name-empty').max(80, 'name-too-long'),
  /** #rrggbb */
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, 'colour'),
  identities: z.array(Identity).max(50, 'too-many-identities'),
  tier: Tier,
  /** Hours within which the user means to answer (the review page's "reply due"). */
  responseHours: z.number().int().min(1, 'response-hours').max(168, 'response-hours'),
  note: z.string().max(500, 'note-too-long'),
  /** Breakthrough options; a low-tolerance client never uses them. */
  keywords: z.boolean(),
  repeat: RepeatRule.nullable(),
  channel: z.boolean(),
  /** Breakthroughs allowed per day (0: none). */
  quota: z.number().int().min(0, 'quota').max(50, 'quota'),
})
export type Client = z.infer<typeof Client>

export const Rules = z.strictObject({
  clients: z.array(Client).max(1000, 'too-many-clients'),
  /** Identities that always get through, in any quiet period. */
  emergency: z.array(Identity).max(200, 'too-many-identities'),
  /** Urgent keywords, matched as whole words, ignoring case and accents. */
  keywords: z.array(z.string().trim().min(1, 'keyword-empty').max(40, 'keyword-too-long')).max(50),
  /** The one agreed emergency channel: a known client writing here breaks through ('' = none). */
  emergencyChannel: z.union([SiteId, z.literal('')]),
})
export type Rules = z.infer<typeof Rules>

export const DEFAULT_KEYWORDS: readonly string[] = [
  'urgent',
  'urgently',
  'asap',
  'emergency',
  'critical',
  'urgente',
  'urgencia',
  'emergencia',
  'inmediato',
  'cuanto antes',
  'lo antes posible',
]

export const DEFAULT_RULES: Rules = {
  clients: [],
  emergency: [],
  keywords: [...DEFAULT_KEYWORDS],
  emergencyChannel: '',
}

/** What a new client starts with, by tier: priority clients get more room than standard ones. */
export function clientDefaults(
  tier: Tier,
): Pick<Client, 'keywords' | 'repeat' | 'channel' | 'quota'> {
  switch (tier) {
    case 'priority':
      return { keywords: true, repeat: { count: 3, minutes: 10 }, channel: true, quota: 3 }
    case 'standard':
      return { keywords: true, repeat: null, channel: true, quota: 2 }
    case 'low-tolerance':
      return { keywords: false, repeat: null, channel: false, quota: 0 }
  }
}
