/** Test and benchmark helpers for rows: the fields a plain, unmatched capture has. */
import type { NewCapture } from './captures'
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

/** A held Gmail capture from "Ana", outside any session, with `over` on top. */
export const testCapture = (over: Partial<NewCapture> = {}): NewCapture => ({
  at: 1,
  sessionId: '',
  site: 'gmail',
  origin: 'https://mail.google.com',
  pageUrl: 'https://mail.google.com/',
  tabId: 1,
  frameId: 0,
  ref: 'r',
  api: 'ctor',
  title: 'Ana',
  body: '',
  tag: '',
  icon: '',
  data: '',
  sender: 'Ana',
  senderKey: 'gmail:ana',
  verdict: 'hold',
  reason: 'block',
  status: 'held',
  ...PLAIN_CAPTURE,
  idValue: 'Ana',
  ...over,
})
