// A flood entry reads as its count wherever a capture is listed (popup, review, breakthroughs).
import { describe, expect, it } from 'vitest'
import esMessages from '../../../public/_locales/es/messages.json'
import { createI18n, formatMessage } from '../i18n'
import { english } from '../i18n-english'
import { itemText } from '../review/item-text'
import { captureText } from './display'

const i18n = createI18n(english)
const flood = { count: 9_880, firstAt: 0, lastAt: 40_000 }
const row = { sender: 'WhatsApp Web', title: '', body: '', conversation: '', flood }

describe('flood entry text', () => {
  it('says how many were counted, from which site, over how long', () => {
    const text = captureText(i18n, row)
    expect(text.title).toBe('WhatsApp Web: 9,880 more notifications in 1 min, not kept one by one')
    expect(text.body).toBe('')
    expect(itemText(i18n, row)).toEqual(text)
    expect(
      captureText(i18n, { ...row, flood: { count: 1, firstAt: 0, lastAt: 150_000 } }).title,
    ).toBe('WhatsApp Web: 1 more notification in 3 min, not kept one by one')
  })

  it('reads in Spanish', () => {
    const es = createI18n({
      getUILanguage: () => 'es',
      // The Spanish messages.json, with chrome.i18n's placeholder rules (see ../i18n.ts).
      getMessage: (key, subs) =>
        formatMessage((esMessages as unknown as Record<string, never>)[key], [subs ?? []].flat()),
    })
    expect(captureText(es, row).title).toBe(
      'WhatsApp Web: 9880 notificaciones más en 1 min, no guardadas una a una',
    )
  })
})
