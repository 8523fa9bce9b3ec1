import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { domainsOf, normDomain, normEmail, normHandle, normName } from './identity'

describe('normEmail', () => {
  it.each([
    ['Ana@Acme.com', 'ana@acme.com'],
    ['  ana.ruiz+work@mail.acme.co.uk ', 'ana.ruiz+work@mail.acme.co.uk'],
    ['ANA@ACME-GROUP.ES', 'ana@acme-group.es'],
    ['x@a1.b2', 'x@a1.b2'],
  ])('%s → %s', (raw, norm) => {
    expect(normEmail(raw)).toBe(norm)
  })

  it.each([
    '',
    'ana',
    'ana@',
    '@acme.com',
    'ana@acme',
    'ana@@acme.com',
    'ana ruiz@acme.com',
    '<ana@acme.com>',
    'Ana Ruiz <ana@acme.com>',
    'ana@-acme.com',
    'ana@acme-.com',
    'ana@acme..com',
    'ana@acme.com.',
    'ana@ac_me.com',
    'a,b@acme.com',
  ])('%j is not an address', (raw) => {
    expect(normEmail(raw)).toBe('')
  })
})

describe('normDomain', () => {
  it.each([
    ['Acme.com', 'acme.com'],
    ['@acme.com', 'acme.com'],
    ['ana@acme.com', 'acme.com'],
    ['*.acme.com', 'acme.com'],
    ['.acme.com', 'acme.com'],
    ['acme.com.', 'acme.com'],
    [' Mail.Acme.CO.UK ', 'mail.acme.co.uk'],
  ])('%s → %s', (raw, norm) => {
    expect(normDomain(raw)).toBe(norm)
  })

  it.each(['', 'localhost', 'acme', '*.', 'acme..com', '-acme.com', 'acme.com/x', 'ac me.com'])(
    '%j is not a domain',
    (raw) => {
      expect(normDomain(raw)).toBe('')
    },
  )
})

describe('domainsOf', () => {
  it('lists the domain, then each parent, never the top-level domain alone', () => {
    expect(domainsOf('ana@a.b.acme.com')).toEqual(['a.b.acme.com', 'b.acme.com', 'acme.com'])
    expect(domainsOf('ana@acme.com')).toEqual(['acme.com'])
  })

  it('lists nothing for what is not an address', () => {
    expect(domainsOf('')).toEqual([])
    expect(domainsOf('acme.com')).toEqual([])
  })

  it('gives domains that normDomain leaves as they are', () => {
    for (const d of domainsOf(normEmail('Ana@Sales.EU.Acme.com'))) expect(normDomain(d)).toBe(d)
  })
})

describe('normName', () => {
  it.each([
    ['José  Pérez', 'jose perez'],
    ['  JOSÉ PÉREZ ', 'jose perez'],
    ['José\u00a0Pérez', 'jose perez'],
    ['José\tPérez\n', 'jose perez'],
    ['Jose\u0301 Pe\u0301rez', 'jose perez'],
    ['Zoë Brontë', 'zoe bronte'],
    ['Ñandú Çedilla', 'nandu cedilla'],
    ['#ops', '#ops'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (raw, norm) => {
    expect(normName(raw)).toBe(norm)
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (s) => {
        expect(normName(normName(s))).toBe(normName(s))
      }),
    )
  })
})

describe('normHandle', () => {
  it('reduces phone numbers, however written, to their digits', () => {
    const forms = ['+34 600 111 222', '+34 600 11 12 22', '34600111222', '+34-600-111-222']
    for (const f of forms) expect(normHandle(f)).toBe('34600111222')
    expect(normHandle('(600) 111.222')).toBe('600111222')
  })

  it('keeps short numbers and ids as written, lower case, without a leading @', () => {
    expect(normHandle('@Ana')).toBe('ana')
    expect(normHandle('@@ana_r')).toBe('ana_r')
    expect(normHandle(' U024BE7LH ')).toBe('u024be7lh')
    expect(normHandle('12345')).toBe('12345')
    expect(normHandle('+1 2345')).toBe('+1 2345')
    expect(normHandle('+1 23456')).toBe('123456')
    expect(normHandle('34600111222@c.us')).toBe('34600111222@c.us')
  })

  it('drops spaces after the @, so "@ ana" is the same person as "ana"', () => {
    expect(normHandle('@ ana')).toBe('ana')
    expect(normHandle('@ @ana')).toBe('ana')
    expect(normHandle('@+34 600 111 222')).toBe('34600111222')
  })

  it('keeps the sign of a negative id (a Telegram group or channel)', () => {
    expect(normHandle('-1001234567890')).toBe('-1001234567890')
    expect(normHandle('@-1001234567890')).toBe('-1001234567890')
    expect(normHandle('1001234567890')).toBe('1001234567890')
  })

  it('gives nothing for an empty handle', () => {
    expect(normHandle('')).toBe('')
    expect(normHandle('  ')).toBe('')
    expect(normHandle('@')).toBe('')
  })

  it('is idempotent', () => {
    const alphabet = fc.constantFrom(...'+ ()-.@0123456789aBz_'.split(''), '-1', '-100')
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 16 }), (s) => {
        expect(normHandle(normHandle(s))).toBe(normHandle(s))
      }),
    )
  })
})

describe('normalisers', () => {
  it('are idempotent on addresses and domains', () => {
    const label = fc.string({
      unit: fc.constantFrom(...'aB9-'.split('')),
      minLength: 1,
      maxLength: 4,
    })
    const email = fc
      .tuple(label, fc.array(label, { minLength: 1, maxLength: 3 }))
      .map(([local, labels]) => `${local}@${labels.join('.')}`)
    fc.assert(
      fc.property(email, (e) => {
        expect(normEmail(normEmail(e))).toBe(normEmail(e))
        expect(normDomain(normDomain(e))).toBe(normDomain(e))
      }),
    )
  })
})
