import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n'
import { english } from '../i18n-english'
import { captureText, siteLabel } from './display'

const i18n = createI18n(english)

describe('captureText', () => {
  it('drops a title that only repeats the sender', () => {
    expect(
      captureText(i18n, { sender: 'Ana Ruiz', title: 'Ana Ruiz', body: 'Invoice attached' }),
    ).toEqual({
      title: 'Invoice attached',
      body: '',
      label: 'Invoice attached',
    })
  })

  it('keeps a title that says more, with the body below', () => {
    expect(
      captureText(i18n, { sender: '#ops', title: 'Deploy failed', body: 'see logs' }),
    ).toMatchObject({
      title: 'Deploy failed',
      body: 'see logs',
    })
  })

  it('reads JSON text, and stands in for none', () => {
    expect(captureText(i18n, { sender: 'x', title: '{"a":"Hola"}', body: '' }).title).toBe('Hola')
    expect(captureText(i18n, { sender: 'x', title: '', body: '' }).title).toBe('(no text)')
  })

  it('shortens the label for buttons', () => {
    const text = captureText(i18n, { sender: 'x', title: 'y'.repeat(200), body: '' })
    expect(text.label).toHaveLength(80)
    expect(text.label.endsWith('…')).toBe(true)
  })
})

describe('siteLabel', () => {
  it('names known sites and falls back for others', () => {
    expect(siteLabel(i18n, 'whatsapp')).toBe('WhatsApp')
    expect(siteLabel(i18n, 'nope')).toBe('Other site')
  })
})
