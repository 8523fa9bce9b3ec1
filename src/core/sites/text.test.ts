import { describe, expect, it } from 'vitest'
import { idText, oneLine, plainText, readObject, senderPrefix } from './text'

describe('plainText', () => {
  it('reads the strings of React-like objects sent as JSON, and leaves other text trimmed', () => {
    expect(plainText('{"props":{"content":["Ana", " Ruiz"]}}')).toBe('Ana Ruiz')
    expect(plainText('  Hola  ')).toBe('Hola')
    expect(plainText('[not json')).toBe('[not json')
  })
  it('reads nested objects (Messenger)', () => {
    const title = JSON.stringify({
      props: { content: ['Marta', { props: { content: [' López'] } }] },
    })
    expect(plainText(title)).toBe('Marta López')
    expect(plainText('{not json')).toBe('{not json')
  })
})

describe('oneLine', () => {
  it('collapses whitespace and cuts at the limit', () => {
    expect(oneLine('  Ana \n\t Ruiz ', 120)).toBe('Ana Ruiz')
    expect(oneLine('abcdef', 3)).toBe('abc')
  })

  it('never cuts an emoji in half', () => {
    const cut = oneLine('ab😀cd', 3)
    expect(cut).toBe('ab')
    expect(oneLine('ab😀cd', 4)).toBe('ab😀')
  })
})

describe('readObject', () => {
  it('returns the object a JSON text holds', () => {
    expect(readObject('{"a":1}')).toEqual({ a: 1 })
  })

  it('returns undefined for anything else, without throwing', () => {
    for (const raw of ['', '{', '{"a":', 'null', '[1]', '"x"', '42', 'not json', '{} trailing']) {
      expect(readObject(raw)).toBeUndefined()
    }
    expect(readObject(`{"a":"${'x'.repeat(10_000)}"}`)).toBeUndefined()
    expect(readObject(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toBeUndefined()
  })
})

describe('idText', () => {
  it('accepts strings and finite numbers only', () => {
    expect(idText(' 12 ')).toBe('12')
    expect(idText(-5)).toBe('-5')
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}, [], true]) {
      expect(idText(v)).toBe('')
    }
  })
})

describe('senderPrefix', () => {
  it('reads "Sender: text"', () => {
    expect(senderPrefix('Ana: hola: qué tal')).toEqual({ sender: 'Ana', text: 'hola: qué tal' })
  })

  it('ignores prefixes that are too long, empty, or cross a line', () => {
    expect(senderPrefix(`${'a'.repeat(65)}: x`)).toBeNull()
    expect(senderPrefix(': x')).toBeNull()
    expect(senderPrefix('line one\nAna: x')).toBeNull()
    expect(senderPrefix('no colon here')).toBeNull()
    expect(senderPrefix('time 10:30')).toBeNull()
  })
})
