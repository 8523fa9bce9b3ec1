import { describe, expect, it } from 'vitest'
import { compileMatcher } from './matcher'
import type { Client } from './schema'
import { stillUnknown, suggestedIdentity } from './suggest'

const acme: Client = {
  id: 'acme',
  name: 'Acme',
  colour: '#2563eb',
  identities: [
    { kind: 'email', value: 'ana@acme.com', site: '' },
    { kind: 'name', value: 'Luis Gil', site: 'slack' },
  ],
  tier: 'standard',
  responseHours: 24,
  note: '',
  keywords: true,
  repeat: null,
  channel: true,
  quota: 2,
}

describe('suggestions', () => {
  it('limits handles and names to their site, and not email addresses', () => {
    expect(suggestedIdentity({ site: 'gmail', idKind: 'email', idValue: 'a@b.co' })).toEqual({
      kind: 'email',
      value: 'a@b.co',
      site: '',
    })
    expect(suggestedIdentity({ site: 'whatsapp', idKind: 'handle', idValue: '346@c.us' })).toEqual({
      kind: 'handle',
      value: '346@c.us',
      site: 'whatsapp',
    })
    expect(suggestedIdentity({ site: 'slack', idKind: 'name', idValue: 'Ana' }).site).toBe('slack')
  })

  it('drops senders the rules now know: a client or an emergency sender', () => {
    const rules = compileMatcher([acme], [{ kind: 'handle', value: '346@c.us', site: '' }])
    const list = [
      { site: 'outlook', idKind: 'email' as const, idValue: 'ANA@acme.com' },
      { site: 'slack', idKind: 'name' as const, idValue: 'Luis Gil' },
      { site: 'teams', idKind: 'name' as const, idValue: 'Luis Gil' },
      { site: 'whatsapp', idKind: 'handle' as const, idValue: '346@c.us' },
      { site: 'gmail', idKind: 'email' as const, idValue: 'new@other.com' },
    ]
    expect(stillUnknown(list, rules).map((s) => `${s.site}:${s.idValue}`)).toEqual([
      'teams:Luis Gil',
      'gmail:new@other.com',
    ])
  })
})
