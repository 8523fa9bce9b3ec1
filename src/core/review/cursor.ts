/**
 * The keyboard cursor over the flat review rows: moving it, and keeping it in place when rows
 * go away (marked done, snoozed, filtered out) or come in.
 */

export type Move = 'next' | 'prev' | 'first' | 'last'

/** The row a move lands on; stays within the list, -1 when it is empty. */
export function moveCursor(index: number, count: number, move: Move): number {
  if (count === 0) return -1
  switch (move) {
    case 'first':
      return 0
    case 'last':
      return count - 1
    case 'next':
      return Math.min(count - 1, Math.max(0, index + 1))
    case 'prev':
      return index < 0 ? 0 : Math.max(0, index - 1)
  }
}

/**
 * Where the cursor goes after the rows changed. It stays on its row if that row is still there.
 * Otherwise, it goes to the first row after it (in the old order) that is still there, which is
 * the one the user would have reached next; failing that, the nearest one before it. So after
 * "Mark done" the cursor lands on the next message, and after the last message of a group, on
 * the next group.
 */
export function cursorAfterChange(
  oldKeys: readonly string[],
  oldIndex: number,
  newKeys: readonly string[],
): number {
  if (newKeys.length === 0) return -1
  if (oldIndex < 0) return -1
  const at = new Map<string, number>()
  for (const [i, k] of newKeys.entries()) at.set(k, i)
  for (let i = oldIndex; i < oldKeys.length; i++) {
    const found = at.get(oldKeys[i] as string)
    if (found !== undefined) return found
  }
  for (let i = Math.min(oldIndex, oldKeys.length) - 1; i >= 0; i--) {
    const found = at.get(oldKeys[i] as string)
    if (found !== undefined) return found
  }
  return Math.min(oldIndex, newKeys.length - 1)
}
