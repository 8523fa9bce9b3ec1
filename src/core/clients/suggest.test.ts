import { describe, expect, it } from 'vitest'
import { compileMatcher } from './matcher'
import { stillUnknown, suggestedIdentity } from './suggest'
import { identity, testClient } from './testing'

const acme = testClient('acme', {
  identities: [identity('email', 'ana@acme.com'), identity('name', 'Luis Gil', 'slack')],
})

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
    const rules = compileMatcher([acme], [identity('handle', '346@c.us')])
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
