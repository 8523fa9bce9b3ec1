/** Rows for tests: sessions and captures with sensible defaults, and a fresh database per test. */
import { type CaptureRow, type MargenDb, openDb, type SessionRow } from '../../store/db'
import { testCapture } from '../../store/testing'

let counter = 0

export function testDb(): MargenDb {
  counter++
  return openDb(`margen-test-${counter}-${Math.random().toString(36).slice(2)}`)
}

export function session(over: Partial<SessionRow> & Pick<SessionRow, 'id'>): SessionRow {
  return {
    kind: 'manual',
    state: 'ended',
    startedAt: 0,
    endsAt: 0,
    endedAt: 0,
    endReason: 'time',
    digestAt: 0,
    ...over,
  }
}

export function capture(
  over: Partial<CaptureRow> & Pick<CaptureRow, 'at' | 'sessionId' | 'sender'>,
): Omit<CaptureRow, 'id'> {
  const site = over.site ?? 'gmail'
  return testCapture({
    pageUrl: 'https://mail.google.com/mail/u/0/',
    ref: `r${over.at}`,
    title: over.sender,
    senderKey: `${site}:${over.sender.toLowerCase()}`,
    idValue: over.sender,
    ...over,
    site,
  })
}

/** Adds captures and returns their ids, in order. */
export async function addCaptures(db: MargenDb, rows: Omit<CaptureRow, 'id'>[]): Promise<number[]> {
  return (await db.captures.bulkAdd(rows as CaptureRow[], { allKeys: true })) as number[]
}
