/** Test and benchmark helpers for rows: the fields a plain, unmatched capture has. */
import type { CaptureRow } from './db'

/** A capture from no client, held by a block with no breakthrough rule involved. */
export const PLAIN_CAPTURE: Pick<
  CaptureRow,
  'clientId' | 'idKind' | 'conversation' | 'why' | 'keyword' | 'urgent' | 'notUrgent'
> = {
  clientId: '',
  idKind: 'name',
  conversation: '',
  why: { rule: 'no-breakthrough' },
  keyword: '',
  urgent: 0,
  notUrgent: 0,
}
