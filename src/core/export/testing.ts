/** A stored capture for export tests: a held Gmail message from no client unless `over` says. */
import type { ExportCapture } from './exporter'

export function exportCapture(over: Partial<ExportCapture> = {}): ExportCapture {
  return {
    id: 1,
    at: Date.UTC(2026, 10, 24, 8, 5, 3),
    sessionId: 's1',
    site: 'gmail',
    origin: 'https://mail.google.com',
    pageUrl: 'https://mail.google.com/mail/u/0/',
    api: 'ctor',
    title: 'Ana Ruiz',
    body: 'Hola',
    tag: '',
    icon: '',
    data: '',
    sender: 'Ana Ruiz',
    idKind: 'name',
    idValue: 'Ana Ruiz',
    clientId: '',
    conversation: '',
    verdict: 'hold',
    reason: 'block',
    why: { rule: 'no-breakthrough' },
    keyword: '',
    urgent: 0,
    notUrgent: 0,
    status: 'held',
    snoozeUntil: 0,
    ...over,
  }
}
