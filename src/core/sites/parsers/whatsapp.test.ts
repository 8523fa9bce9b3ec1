import { describe, expect, it } from 'vitest'
import { siteById } from '..'
import type { CaptureInput } from '../parse'
import { whatsapp } from './whatsapp'

const site = siteById('whatsapp')!
const cap = (c: Partial<CaptureInput>): CaptureInput => ({
  title: '',
  body: '',
  tag: '',
  data: '',
  pageUrl: 'https://web.whatsapp.com/',
  ...c,
})

describe('WhatsApp parser', () => {
  it('reads a person by phone JID: the handle is the number', () => {
    const p = whatsapp(site, cap({ title: 'Ana Ruiz', body: 'hola', tag: '34600111222@c.us' }))
    expect(p).toEqual({
      name: 'Ana Ruiz',
      emails: [],
      handles: ['34600111222'],
      conversation: '',
      kind: 'chat',
      text: 'Ana Ruiz\nhola',
      parser: 'whatsapp',
      recognised: true,
    })
    expect(
      whatsapp(site, cap({ title: 'Ana', tag: '34600111222:12@s.whatsapp.net' }))?.handles,
    ).toEqual(['34600111222'])
  })

  it('keeps a lid whole: it is not a phone number', () => {
    const p = whatsapp(site, cap({ title: '+34 600 11 12 22', tag: '250302204792918@lid' }))
    expect(p).toMatchObject({ name: '+34 600 11 12 22', handles: ['250302204792918@lid'] })
  })

  it('reads a group: the title is the conversation, the sender opens the body', () => {
    const p = whatsapp(
      site,
      cap({ title: 'Acme Team', body: 'Ana: invoice sent', tag: '120363041234567890@g.us' }),
    )
    expect(p).toMatchObject({
      name: 'Ana',
      conversation: 'Acme Team',
      handles: ['120363041234567890@g.us'],
    })
  })

  it('names a group message without a sender after the group', () => {
    const p = whatsapp(
      site,
      cap({ title: 'Acme Team', body: 'photo', tag: '5543960123-1613779552@g.us' }),
    )
    expect(p).toMatchObject({
      name: 'Acme Team',
      conversation: '',
      handles: ['5543960123-1613779552@g.us'],
    })
  })

  it('reads channels and status posts', () => {
    expect(
      whatsapp(site, cap({ title: 'Acme News', tag: '120363000000000001@newsletter' })),
    ).toMatchObject({
      name: 'Acme News',
      handles: ['120363000000000001@newsletter'],
    })
    expect(whatsapp(site, cap({ title: 'Ana', tag: 'status@broadcast' }))).toMatchObject({
      name: 'Ana',
      handles: [],
      recognised: true,
    })
  })

  it('reads tags that name one message, with the group sender as a participant', () => {
    expect(
      whatsapp(site, cap({ title: 'Ana', tag: 'false_34600111222@c.us_3EB0C491AF96817AFEEE3D' })),
    ).toMatchObject({ name: 'Ana', handles: ['34600111222'] })
    const group = whatsapp(
      site,
      cap({
        title: 'Acme',
        body: 'Ana: hi',
        tag: 'false_120363213833166449@g.us_3EB00732AE084A0E224F4D_918547689517@c.us',
      }),
    )
    expect(group).toMatchObject({
      name: 'Ana',
      conversation: 'Acme',
      handles: ['120363213833166449@g.us', '918547689517'],
    })
    const lid = whatsapp(site, cap({ title: 'Acme', tag: 'true_1@g.us_ABC_35210880090140@lid' }))
    expect(lid?.handles).toEqual(['1@g.us', '35210880090140@lid'])
    const status = whatsapp(
      site,
      cap({ title: 'Ana', tag: 'false_status@broadcast_ABC_34600111222@c.us' }),
    )
    expect(status?.handles).toEqual([])
  })

  it('does not recognise tags that name no known chat', () => {
    for (const tag of [
      '',
      'hello',
      '34600111222',
      '34600111222@example.com',
      'a@b@c.us',
      '@c.us',
      'ana_x@c.us',
      'list@broadcast',
      'false_34600111222@c.us',
      'false_34600111222@c.us_ID_bad',
      'false_34600111222@c.us_ID_1@c.us_extra',
      'false_nope_ID',
      'maybe_34600111222@c.us_ID',
      `${'9'.repeat(80)}@c.us`,
    ]) {
      expect(whatsapp(site, cap({ title: 'Ana', tag })), tag).toBeNull()
    }
  })
})
