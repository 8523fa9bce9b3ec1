import { describe, expect, it } from 'vitest'
import { cursorAfterChange, moveCursor } from './cursor'

describe('moveCursor', () => {
  it('moves within the list and stops at its ends', () => {
    expect(moveCursor(0, 3, 'next')).toBe(1)
    expect(moveCursor(2, 3, 'next')).toBe(2)
    expect(moveCursor(0, 3, 'prev')).toBe(0)
    expect(moveCursor(2, 3, 'prev')).toBe(1)
    expect(moveCursor(1, 3, 'first')).toBe(0)
    expect(moveCursor(1, 3, 'last')).toBe(2)
  })

  it('starts at the first row when there is no cursor yet', () => {
    expect(moveCursor(-1, 3, 'next')).toBe(0)
    expect(moveCursor(-1, 3, 'prev')).toBe(0)
  })

  it('has nowhere to go in an empty list', () => {
    expect(moveCursor(0, 0, 'next')).toBe(-1)
  })
})

describe('cursorAfterChange', () => {
  it('stays on its row when it is still there, wherever it moved', () => {
    expect(cursorAfterChange(['a', 'b', 'c'], 1, ['x', 'a', 'b', 'c'])).toBe(2)
  })

  it('goes to the next surviving row when its row went away', () => {
    // Marking "b" done.
    expect(cursorAfterChange(['a', 'b', 'c'], 1, ['a', 'c'])).toBe(1)
    // The last message of group G1: its header goes too; the cursor lands on G2.
    expect(cursorAfterChange(['G1', 'i1', 'G2', 'i2'], 1, ['G2', 'i2'])).toBe(0)
  })

  it('goes back to the nearest earlier row when nothing after it is left', () => {
    expect(cursorAfterChange(['a', 'b', 'c'], 2, ['a', 'b'])).toBe(1)
    expect(cursorAfterChange(['G1', 'i1', 'G2', 'i2'], 3, ['G1', 'i1'])).toBe(1)
  })

  it('stays at the same place when no old row is left', () => {
    expect(cursorAfterChange(['a', 'b'], 1, ['x', 'y', 'z'])).toBe(1)
    expect(cursorAfterChange(['a', 'b'], 1, ['x'])).toBe(0)
  })

  it('has no cursor in an empty list, or without one before', () => {
    expect(cursorAfterChange(['a'], 0, [])).toBe(-1)
    expect(cursorAfterChange(['a'], -1, ['a'])).toBe(-1)
  })
})
