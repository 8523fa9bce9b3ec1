import { describe, expect, it } from 'vitest'
import { type KeyInput, SHORTCUT_HELP, shortcutFor } from './keys'

const press = (key: string, over: Partial<KeyInput> = {}) =>
  shortcutFor({
    key,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    target: 'other',
    ...over,
  })

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(
      ['j', 'ArrowDown', 'k', 'ArrowUp', 'Home', 'End', 'o', 'Enter'].map((k) => press(k)),
    ).toEqual(['next', 'next', 'prev', 'prev', 'first', 'last', 'open', 'open'])
    expect(['ArrowRight', 'ArrowLeft', 'd', 's', 'n', '/', '?'].map((k) => press(k))).toEqual([
      'expand',
      'collapse',
      'done',
      'snooze',
      'notUrgent',
      'filters',
      'help',
    ])
  })

  it('reads Shift+D as "mark the group done", with or without Caps Lock', () => {
    expect(press('D', { shiftKey: true })).toBe('groupDone')
    expect(press('d', { shiftKey: true })).toBe('groupDone')
    // Caps Lock on, no Shift: a plain "d".
    expect(press('D')).toBe('done')
    expect(press('J')).toBe('next')
  })

  it('takes "?" whether or not the layout needs Shift for it', () => {
    expect(press('?', { shiftKey: true })).toBe('help')
  })

  it('leaves other Shift+letters alone', () => {
    expect(press('J', { shiftKey: true })).toBeNull()
    expect(press('S', { shiftKey: true })).toBeNull()
  })

  it('never fires while typing in a form control', () => {
    for (const key of ['j', 'd', 'D', '?', '/', 'ArrowDown', 'Enter', 'Home'])
      expect(press(key, { target: 'typing' })).toBeNull()
  })

  it('lets Enter and Space press a focused button, but still moves from it', () => {
    expect(press('Enter', { target: 'button' })).toBeNull()
    expect(press(' ', { target: 'button' })).toBeNull()
    expect(press('j', { target: 'button' })).toBe('next')
    expect(press('d', { target: 'button' })).toBe('done')
  })

  it('leaves keys with Ctrl, Alt or Meta, and IME composition, to others', () => {
    expect(press('d', { ctrlKey: true })).toBeNull()
    expect(press('j', { altKey: true })).toBeNull()
    expect(press('ArrowDown', { metaKey: true })).toBeNull()
    expect(press('n', { isComposing: true })).toBeNull()
  })

  it('ignores keys it does not know', () => {
    expect(press('x')).toBeNull()
    expect(press('Tab')).toBeNull()
    expect(press('Escape')).toBeNull()
  })

  it('lists every action in the help', () => {
    const listed = new Set(SHORTCUT_HELP.map((h) => h.action))
    for (const a of ['next', 'prev', 'first', 'open', 'expand', 'done', 'groupDone', 'snooze'])
      expect(listed.has(a as never)).toBe(true)
  })
})
