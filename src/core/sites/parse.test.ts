import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normEmail, normHandle } from '../clients/identity'
import { SITES, type Site, siteById } from '.'
import { type CaptureInput, parseCapture } from './parse'

const cap = (c: Partial<CaptureInput>): CaptureInput => ({
  title: '',
  body: '',
  tag: '',
  data: '',
  pageUrl: '',
  ...c,
})

describe('parseCapture', () => {
  it('uses the site parser when it recognises the payload', () => {
    const p = parseCapture(siteById('whatsapp'), cap({ title: 'Ana', tag: '34600111222@c.us' }))
    expect(p).toMatchObject({ parser: 'whatsapp', recognised: true, handles: ['34600111222'] })
  })

  it('falls back to the generic parser, unrecognised, when it does not', () => {
    const p = parseCapture(siteById('whatsapp'), cap({ title: 'Ana', tag: 'weird' }))
    expect(p).toMatchObject({ parser: 'generic', recognised: false, name: 'Ana', kind: 'chat' })
  })

  it('uses the generic parser for sites without evidence, and without a site', () => {
    for (const id of ['gmail', 'outlook', 'slack', 'teams', 'discord', 'gchat']) {
      const p = parseCapture(siteById(id), cap({ title: 'Ana <ana@acme.com>' }))
      expect(p, id).toMatchObject({ parser: 'generic', recognised: false, name: 'Ana' })
    }
    expect(parseCapture(undefined, cap({ title: 'x' }))).toMatchObject({
      parser: 'generic',
      kind: 'chat',
    })
  })

  it('does not look parsers up on the prototype', () => {
    const odd: Site = { id: 'constructor', label: 'Odd', kind: 'chat', hosts: [], home: '' }
    expect(parseCapture(odd, cap({ title: 'x' })).parser).toBe('generic')
  })

  it('survives fields that are not strings at run time', () => {
    const bad = { title: 42, body: null, tag: {}, data: ['x'], pageUrl: undefined }
    for (const site of [undefined, ...SITES]) {
      const p = parseCapture(site, bad as unknown as CaptureInput)
      expect(p.name).toBe(site?.label ?? '?')
    }
    expect(parseCapture(undefined, undefined as unknown as CaptureInput).name).toBe('?')
  })

  it('survives malformed data on every site', () => {
    const datas = [
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '{"custom":null}',
      '{"custom":{"peerId":[1,2]}}',
      '{"custom":{"peerId":"1e400"}}',
      '{"chatId":{"toString":"x"}}',
      '{"chatId":true}',
      `{"custom":{"peerId":"${'9'.repeat(5000)}"}}`,
      '{"__proto__":{"peerId":"1"},"custom":{"__proto__":{"peerId":"5"}}}',
      'x'.repeat(100_000),
    ]
    for (const site of SITES) {
      for (const data of datas) {
        const p = parseCapture(
          site,
          cap({ title: 'T', data, tag: '5', pageUrl: 'https://web.telegram.org/k/' }),
        )
        expect(p.name, `${site.id} ${data.slice(0, 40)}`).toBe('T')
        expect(p.handles.every((h) => h.length < 100)).toBe(true)
      }
    }
  })

  it('keeps its promises for any input (property)', () => {
    const site = fc.constantFrom<Site | undefined>(undefined, ...SITES)
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc.constantFrom(
        '{"props":{"content":["Ana"]}}',
        '{"custom":{"peerId":"-12345"}}',
        '{"chatId":"-100123","messageId":5}',
        'false_1@g.us_ABC_34600111222@c.us',
        '34600111222@c.us',
        'Ana: hi',
        'Ana @ Acme',
        'Ana <ana@acme.com>',
        'call_1',
        'u1_2',
      ),
    )
    const url = fc.constantFrom(
      '',
      'https://web.telegram.org/k/',
      'https://web.telegram.org/a/',
      'https://web.whatsapp.com/',
    )
    fc.assert(
      fc.property(site, text, text, text, text, url, (s, title, body, tag, data, pageUrl) => {
        const p = parseCapture(s, { title, body, tag, data, pageUrl })
        expect(p.name.length).toBeGreaterThan(0)
        expect(p.name.length).toBeLessThanOrEqual(120)
        expect(p.conversation.length).toBeLessThanOrEqual(120)
        expect(p.conversation.toLowerCase()).not.toBe(p.name.toLowerCase())
        for (const e of p.emails) expect(normEmail(e)).toBe(e)
        for (const h of p.handles) expect(normHandle(h)).toBe(h)
        expect(new Set(p.handles).size).toBe(p.handles.length)
        expect(p.kind).toBe(s?.kind ?? 'chat')
        expect(p.recognised).toBe(p.parser !== 'generic')
      }),
      { numRuns: 2000 },
    )
  })
})
