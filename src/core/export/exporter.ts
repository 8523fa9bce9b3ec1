/**
 * What a history export is made of: a start, the captures a chunk at a time, an end. The page
 * reads the captures in chunks (there may be 100k of them) and collects the pieces in a Blob, so
 * the whole file never has to be one string.
 */
import type { Why } from '../decide'
import { localDate } from './local-time'

/** The fields of a stored capture that an export reads (the store's CaptureRow has them all). */
export interface ExportCapture {
  id: number
  at: number
  sessionId: string
  site: string
  origin: string
  pageUrl: string
  api: string
  title: string
  body: string
  tag: string
  icon: string
  data: string
  sender: string
  idKind: string
  idValue: string
  clientId: string
  conversation: string
  verdict: string
  reason: string
  why: Why
  keyword: string
  urgent: 0 | 1
  notUrgent: 0 | 1
  status: string
  /** When a held capture is snoozed until (ms); absent or 0 when not snoozed. */
  snoozeUntil?: number | undefined
}

export interface HistoryExporter {
  readonly ext: 'csv' | 'json'
  readonly mime: string
  start(): string
  /** The next captures, oldest first; called once per chunk. */
  rows(rows: readonly ExportCapture[]): string
  end(): string
}

export interface ExportContext {
  /** Client names by id, from the settings; a capture of a deleted client gets ''. */
  clientNames: ReadonlyMap<string, string>
}

/** `margen-history-2026-11-24.csv`: the local date, so two exports on one day sort together. */
export function exportFileName(kind: 'history' | 'settings', ext: string, now: number): string {
  return `margen-${kind}-${localDate(now)}.${ext}`
}
