import { describe, expect, it } from 'vitest'
import { siteById } from '..'
import type { CaptureInput } from '../parse'
import { generic } from './generic'

const cap = (c: Partial<CaptureInput>): CaptureInput => ({
  title: '',
  body: '',
  tag: '',
  data: '',
  pageUrl: '',
  ...c,
})
const gmail = siteById('gmail')

describe('generic parser', () => {
  it('takes the title as the name, the kind from the site, and is never "recognised"', () => {
    const p = generic(siteById('slack'), cap({ title: 'Ana Ruiz', body: 'Call me' }))
    expect(p).toEqual({
      name: 'Ana Ruiz',
      emails: [],
      handles: [],
      conversation: '',
      kind: 'chat',
      text: 'Ana Ruiz\nCall me',
      parser: 'generic',
      recognised: false,
    })
    expect(generic(gmail, cap({ title: 'x' })).kind).toBe('mail')
    expect(generic(undefined, cap({ title: 'x' })).kind).toBe('chat')
  })

  it('reads "Name <address>" titles, quoted or not', () => {
    const p = generic(gmail, cap({ title: 'Ana Ruiz <Ana@Acme.com>' }))
    expect(p.name).toBe('Ana Ruiz')
    expect(p.emails).toEqual(['ana@acme.com'])
    expect(generic(gmail, cap({ title: '"Ruiz, Ana" <ana@acme.com>' })).name).toBe('Ruiz, Ana')
    expect(generic(gmail, cap({ title: '<ana@acme.com>' })).name).toBe('ana@acme.com')
  })

  it('takes a title that is one address as an address', () => {
    const p = generic(gmail, cap({ title: 'ana@acme.com' }))
    expect(p).toMatchObject({ name: 'ana@acme.com', emails: ['ana@acme.com'] })
  })

  it('takes bracketed addresses from the body, but not bare ones', () => {
    const p = generic(
      gmail,
      cap({ title: 'New mail', body: 'From Ana <ana@acme.com>, cc bob@x.com' }),
    )
    expect(p.emails).toEqual(['ana@acme.com'])
    expect(generic(gmail, cap({ body: '<not an address> <a@b> <ana@acme.com>' })).emails).toEqual([
      'ana@acme.com',
    ])
  })

  it('keeps at most five addresses and no repeats', () => {
    const many = Array.from({ length: 20 }, (_, i) => `<u${i}@acme.com>`).join(' ')
    expect(generic(gmail, cap({ body: many })).emails).toHaveLength(5)
    expect(generic(gmail, cap({ title: 'A <a@x.com>', body: '<A@X.com>' })).emails).toEqual([
      'a@x.com',
    ])
  })

  it('falls back to the site label, then "?", when there is no title', () => {
    expect(generic(gmail, cap({ body: 'hi' })).name).toBe('Gmail')
    expect(generic(undefined, cap({})).name).toBe('?')
  })

  it('reads JSON titles for their text, and keeps names to 120 characters', () => {
    expect(generic(undefined, cap({ title: '{"props":{"content":["Ana"]}}' })).name).toBe('Ana')
    expect(generic(undefined, cap({ title: 'x'.repeat(500) })).name).toHaveLength(120)
  })

  it('does not hang on long runs of brackets or at signs', () => {
    const nasty = `${'<'.repeat(2000)}${'a@'.repeat(1000)}${'>'.repeat(2000)}`
    const p = generic(gmail, cap({ title: nasty, body: nasty }))
    expect(p.emails).toEqual([])
  })
})
