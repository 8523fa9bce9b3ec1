import { describe, expect, it } from 'vitest'
import { siteById } from '..'
import type { CaptureInput } from '../parse'
import { messenger } from './messenger'

const site = siteById('messenger')!
const cap = (c: Partial<CaptureInput>): CaptureInput => ({
  title: '',
  body: '',
  tag: '',
  data: '',
  pageUrl: 'https://www.messenger.com/t/1',
  ...c,
})
/** What the hook reports for a React-like element: its JSON. */
const element = (...content: unknown[]) =>
  JSON.stringify({ type: 'span', key: null, props: { content }, _owner: null })

describe('Messenger parser', () => {
  it('reads React-like title and body objects', () => {
    const p = messenger(site, cap({ title: element('Ana Ruiz'), body: element('Are you there?') }))
    expect(p).toEqual({
      name: 'Ana Ruiz',
      emails: [],
      handles: [],
      conversation: '',
      kind: 'chat',
      text: 'Ana Ruiz\nAre you there?',
      parser: 'messenger',
      recognised: true,
    })
  })

  it('reads content past its first item for the text, and nested elements for their strings', () => {
    const p = messenger(
      site,
      cap({
        title: element('Ana', ' Ruiz'),
        body: element('Look: ', { props: { content: ['link'] } }),
      }),
    )
    expect(p).toMatchObject({ name: 'Ana', text: 'Ana Ruiz\nLook: link' })
  })

  it('takes a plain string beside an object as it is', () => {
    expect(messenger(site, cap({ title: 'Ana Ruiz', body: element('hi') }))).toMatchObject({
      name: 'Ana Ruiz',
      text: 'Ana Ruiz\nhi',
    })
    expect(messenger(site, cap({ title: element('Ana'), body: 'hi' }))?.text).toBe('Ana\nhi')
  })

  it('falls back to the site label when the content is empty', () => {
    expect(messenger(site, cap({ title: element(), body: element('hi') }))?.name).toBe('Messenger')
    expect(messenger(site, cap({ title: element({ x: 1 }), body: '' }))?.name).toBe('Messenger')
  })

  it('does not recognise plain strings or other JSON', () => {
    expect(messenger(site, cap({ title: 'Ana Ruiz', body: 'hi' }))).toBeNull()
    expect(messenger(site, cap({ title: '{"props":{"content":"Ana"}}' }))).toBeNull()
    expect(messenger(site, cap({ title: '{"props":null}' }))).toBeNull()
    expect(messenger(site, cap({ title: '{"props":{"content":[' }))).toBeNull()
    expect(messenger(site, cap({ title: '["Ana"]' }))).toBeNull()
  })
})
