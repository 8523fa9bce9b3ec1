/** Test rows for the review's pure logic: captures with the fields grouping reads. */
import type { ReviewClient } from './group'
import type { RowItem } from './rows'

export interface TestItem extends RowItem {
  sessionId: string
  snoozeUntil: number
}

let nextId = 1

/** Minutes after 2025-03-04 09:00 local time. */
export const T0 = new Date(2025, 2, 4, 9, 0).getTime()
export const min = (m: number) => T0 + m * 60_000

export function item(sender: string, minute: number, over: Partial<TestItem> = {}): TestItem {
  const site = over.site ?? 'gmail'
  return {
    id: nextId++,
    at: min(minute),
    sender,
    senderKey: `${site}:${sender.toLowerCase()}`,
    site,
    clientId: '',
    conversation: '',
    urgent: 0,
    keyword: '',
    notUrgent: 0,
    sessionId: 's1',
    snoozeUntil: 0,
    ...over,
  }
}

export const client = (id: string, name: string, responseHours = 24): ReviewClient => ({
  id,
  name,
  colour: '#2563eb',
  responseHours,
})

export const clientMap = (...clients: ReviewClient[]) => new Map(clients.map((c) => [c.id, c]))
