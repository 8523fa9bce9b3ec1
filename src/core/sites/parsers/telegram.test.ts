import { describe, expect, it } from 'vitest'
import { normHandle } from '../../clients/identity'
import { siteById } from '..'
import type { CaptureInput } from '../parse'
import { telegram } from './telegram'

const site = siteById('telegram')!
const K = 'https://web.telegram.org/k/'
const A = 'https://web.telegram.org/a/#-100123'
const cap = (c: Partial<CaptureInput>): CaptureInput => ({
  title: '',
  body: '',
  tag: '',
  data: '',
  pageUrl: K,
  ...c,
})
/** Web K's data, as buildNotification fills it. */
const kData = (peerId: string | number) =>
  JSON.stringify({
    custom: { msg_id: '42', peerId },
    description: '',
    loc_key: '',
    loc_args: [],
    mute: '',
    random_id: 0,
    title: '',
    accountNumber: 1,
  })

describe('Telegram Web K', () => {
  it('reads a private chat: title = the person, handle = peerId', () => {
    const p = telegram(
      site,
      cap({ title: 'Ana Ruiz', body: 'hola', tag: 'u12345_678', data: kData('12345') }),
    )
    expect(p).toEqual({
      name: 'Ana Ruiz',
      emails: [],
      handles: ['12345'],
      conversation: '',
      kind: 'chat',
      text: 'Ana Ruiz\nhola',
      parser: 'telegram',
      recognised: true,
    })
  })

  it('reads "Sender @ Chat" in groups', () => {
    const p = telegram(site, cap({ title: 'Ana @ Acme Team', tag: 'g777', data: kData('-777') }))
    expect(p).toMatchObject({ name: 'Ana', conversation: 'Acme Team', handles: ['-777'] })
  })

  it('splits at the first " @ ", so chat names containing it stay whole', () => {
    const p = telegram(site, cap({ title: 'Ana @ Dev @ Acme', data: kData('-777') }))
    expect(p).toMatchObject({ name: 'Ana', conversation: 'Dev @ Acme' })
  })

  it('reads forum topics "Topic (Chat)" with the sender opening the body', () => {
    const p = telegram(
      site,
      cap({ title: 'Invoices (Acme)', body: 'Ana: paid', tag: 's9_1', data: kData('-9') }),
    )
    expect(p).toMatchObject({ name: 'Ana', conversation: 'Invoices (Acme)', handles: ['-9'] })
    const anonymous = telegram(
      site,
      cap({ title: 'Invoices (Acme)', body: 'paid', data: kData('-9') }),
    )
    expect(anonymous).toMatchObject({ name: 'Invoices (Acme)', conversation: '' })
  })

  it('takes a channel post as written by the channel', () => {
    const p = telegram(
      site,
      cap({ title: 'Acme News', body: 'Release 2.0', tag: 'c5_1', data: kData('-5') }),
    )
    expect(p).toMatchObject({ name: 'Acme News', conversation: '', handles: ['-5'] })
  })

  it('drops the " ➜ <own name>" of several accounts', () => {
    const p = telegram(site, cap({ title: 'Ana @ Acme ➜ Me', data: kData('-1') }))
    expect(p).toMatchObject({ name: 'Ana', conversation: 'Acme' })
    expect(telegram(site, cap({ title: 'Ana ➜ Me', data: kData(3) }))?.name).toBe('Ana')
  })

  it('accepts a numeric peerId and never splits a private chat title', () => {
    const p = telegram(site, cap({ title: 'Ana @ Home', data: kData(12) }))
    expect(p).toMatchObject({ name: 'Ana @ Home', conversation: '', handles: ['12'] })
  })

  it('reads the peer from the tag when the data is missing', () => {
    expect(telegram(site, cap({ title: 'Ana', tag: 'u12345_-99' }))?.handles).toEqual(['12345'])
    expect(telegram(site, cap({ title: 'A @ B', tag: 's42_7' }))).toMatchObject({
      name: 'A',
      conversation: 'B',
      handles: ['-42'],
    })
  })

  it('does not recognise a K page without a peer', () => {
    expect(telegram(site, cap({ title: 'Ana', tag: '' }))).toBeNull()
    expect(telegram(site, cap({ title: 'Ana', tag: 'x12', data: 'nope' }))).toBeNull()
    expect(telegram(site, cap({ title: 'Ana', data: kData('abc') }))).toBeNull()
    expect(telegram(site, cap({ title: 'Ana', data: '{"custom":"12"}' }))).toBeNull()
    expect(telegram(site, cap({ title: 'Ana', data: '{"custom":{"peerId":{"x":1}}}' }))).toBeNull()
  })
})

describe('Telegram Web A', () => {
  const a = (c: Partial<CaptureInput>) => cap({ pageUrl: A, ...c })

  it('reads the page fallback: tag = message id, body "Sender: text"', () => {
    const p = telegram(site, a({ title: 'Acme Team', body: 'Ana: the invoice', tag: '1234' }))
    expect(p).toMatchObject({
      name: 'Ana',
      conversation: 'Acme Team',
      handles: [],
      text: 'Acme Team\nAna: the invoice',
      recognised: true,
    })
    expect(telegram(site, a({ title: 'Ana Ruiz', body: 'hola', tag: '1234' }))).toMatchObject({
      name: 'Ana Ruiz',
      conversation: '',
    })
  })

  it('drops the 🔕 of silent messages', () => {
    expect(telegram(site, a({ title: 'Ana Ruiz 🔕', body: 'x', tag: '7' }))?.name).toBe('Ana Ruiz')
  })

  it('reads {chatId, messageId} data: private chats are never split', () => {
    const data = (chatId: string | number) => JSON.stringify({ chatId, messageId: 9 })
    expect(
      telegram(site, a({ title: 'Ana', body: 'Note: hi', tag: '9', data: data('123') })),
    ).toMatchObject({
      name: 'Ana',
      conversation: '',
      handles: ['123'],
    })
    expect(
      telegram(site, a({ title: 'Acme', body: 'Ana: hi', tag: '9', data: data(-100123) })),
    ).toMatchObject({ name: 'Ana', conversation: 'Acme', handles: [normHandle('-100123')] })
  })

  it('reads calls: the caller is the body', () => {
    const p = telegram(site, a({ title: 'Incoming call', body: 'Ana Ruiz', tag: 'call_5566' }))
    expect(p).toMatchObject({ name: 'Ana Ruiz', conversation: '', handles: [] })
  })

  it('does not recognise other tags on an A page', () => {
    expect(telegram(site, a({ title: 'Ana', tag: '' }))).toBeNull()
    expect(telegram(site, a({ title: 'Ana', tag: 'u12' }))).toBeNull()
    expect(telegram(site, a({ title: 'Ana', tag: '12abc' }))).toBeNull()
  })

  it('tells K and A apart by path, whatever the rest of the URL', () => {
    expect(telegram(site, cap({ pageUrl: 'https://web.telegram.org/a', tag: '5' }))).not.toBeNull()
    expect(
      telegram(site, cap({ pageUrl: 'https://web.telegram.org/a?x', tag: '5' })),
    ).not.toBeNull()
    expect(telegram(site, cap({ pageUrl: 'https://web.telegram.org/ab/', tag: '5' }))).toBeNull()
    expect(telegram(site, cap({ pageUrl: 'https://web.telegram.org/', tag: '5' }))).toBeNull()
    expect(telegram(site, cap({ pageUrl: '', tag: '5' }))).toBeNull()
    expect(telegram(site, cap({ pageUrl: 'https://web.telegram.org', tag: 'u5' }))).toBeNull()
  })
})
