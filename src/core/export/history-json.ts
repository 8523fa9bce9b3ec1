/**
 * History as JSON, in a versioned envelope so that a later Margen (or a script) knows what it is
 * reading: `{ format: 'margen-history', formatVersion: 1, exportedAt, timeZone, captures: [...] }`.
 * Each capture keeps what was stored, minus the tab and frame handles that mean nothing once the
 * tab is gone, plus its time as ISO text and its client's name.
 */
import type { ExportCapture, ExportContext, HistoryExporter } from './exporter'
import { isoLocal } from './local-time'

export const HISTORY_FORMAT = 'margen-history'
export const HISTORY_FORMAT_VERSION = 1

export function jsonCapture(c: ExportCapture, ctx: ExportContext) {
  return {
    id: c.id,
    at: c.at,
    time: isoLocal(c.at),
    site: c.site,
    origin: c.origin,
    pageUrl: c.pageUrl,
    sessionId: c.sessionId,
    api: c.api,
    title: c.title,
    body: c.body,
    tag: c.tag,
    icon: c.icon,
    data: c.data,
    sender: c.sender,
    idKind: c.idKind,
    idValue: c.idValue,
    clientId: c.clientId,
    clientName: c.clientId === '' ? '' : (ctx.clientNames.get(c.clientId) ?? ''),
    conversation: c.conversation,
    verdict: c.verdict,
    reason: c.reason,
    why: c.why,
    keyword: c.keyword,
    urgent: c.urgent === 1,
    notUrgent: c.notUrgent === 1,
    status: c.status,
    snoozeUntil: c.snoozeUntil ?? 0,
  }
}

export interface JsonMeta {
  exportedAt: number
  /** The IANA zone the local times are in, e.g. `Europe/Madrid`. */
  timeZone: string
}

export function historyJson(ctx: ExportContext, meta: JsonMeta): HistoryExporter {
  let written = 0
  return {
    ext: 'json',
    mime: 'application/json',
    start: () => {
      written = 0
      const head = JSON.stringify({
        format: HISTORY_FORMAT,
        formatVersion: HISTORY_FORMAT_VERSION,
        exportedAt: new Date(meta.exportedAt).toISOString(),
        timeZone: meta.timeZone,
      })
      // The envelope's closing brace gives way to the captures array.
      return `${head.slice(0, -1)},"captures":[`
    },
    rows: (rows) => {
      const parts = rows.map((c) => JSON.stringify(jsonCapture(c, ctx)))
      const comma = written > 0 && parts.length > 0 ? ',' : ''
      written += parts.length
      return parts.length > 0 ? `${comma}\n${parts.join(',\n')}` : ''
    },
    end: () => `${written > 0 ? '\n' : ''}]}\n`,
  }
}
