/**
 * Grouping the popup's held captures by sender. The order follows core/digest.ts: most
 * notifications first, ties by the latest one. Items keep their rows (newest first) so a group
 * can be expanded. (The review page groups by client, conversation and burst: core/review.)
 */
import { type SenderGroup as CoreGroup, groupBySender as groupCore } from '../../core/digest'
import type { CaptureRow } from '../../store/db'

export type GroupItem = Pick<CaptureRow, 'id' | 'at' | 'sender' | 'senderKey' | 'site' | 'flood'>

export type SenderGroup<T extends GroupItem = CaptureRow> = CoreGroup<T>

export function groupBySender<T extends GroupItem>(rows: readonly T[]): SenderGroup<T>[] {
  const groups = groupCore(rows)
  for (const g of groups) g.items.sort((a, b) => b.at - a.at || b.id - a.id)
  return groups
}
