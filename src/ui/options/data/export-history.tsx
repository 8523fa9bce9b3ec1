/**
 * "Export history": every capture, read a chunk at a time through the `at` index, as CSV or
 * JSON, saved as a dated file. The CSV separator defaults to the one the UI language's
 * spreadsheets expect: where decimals are written with a comma (Spanish), Excel splits on `;`.
 */
import { useId, useState } from 'preact/hooks'
import type { CsvSeparator } from '../../../core/export/csv-cell'
import { exportFileName, type HistoryExporter } from '../../../core/export/exporter'
import { historyCsv } from '../../../core/export/history-csv'
import { historyJson } from '../../../core/export/history-json'
import { clientNames, exportHistory, historyStats } from '../../../store/history-export'
import { readSettings } from '../../../store/settings'
import { useApp } from '../../app-context'
import { useLiveQuery } from '../../hooks/use-live-query'
import { download, type SaveFile } from './download'

export const defaultSeparator = (lang: string): CsvSeparator =>
  new Intl.NumberFormat(lang).format(1.5).includes(',') ? ';' : ','

type Progress = { state: 'idle' } | { state: 'busy'; done: number; total: number }

export function ExportHistory({ save = download }: { save?: SaveFile }) {
  const { db, i18n, now } = useApp()
  const ids = useId()
  const stats = useLiveQuery(() => historyStats(db), [db])
  const [sep, setSep] = useState<CsvSeparator>(() => defaultSeparator(i18n.lang))
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)

  const run = async (kind: 'csv' | 'json') => {
    setOutcome(null)
    try {
      const { settings } = await readSettings(db)
      const ctx = clientNames(settings.rules.clients)
      const at = now()
      const exporter: HistoryExporter =
        kind === 'csv'
          ? historyCsv(ctx, sep)
          : historyJson(ctx, {
              exportedAt: at,
              timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            })
      const total = (await historyStats(db)).count
      setProgress({ state: 'busy', done: 0, total })
      const file = await exportHistory(db, exporter, {
        onChunk: (done) => setProgress({ state: 'busy', done, total: Math.max(total, done) }),
      })
      const name = exportFileName('history', exporter.ext, at)
      save({ parts: file.parts, type: exporter.mime, name })
      setOutcome({ ok: true, text: i18n.tp('dt_exported', file.count, name) })
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err)
      setOutcome({ ok: false, text: i18n.t('dt_exportFailed', detail) })
    } finally {
      setProgress({ state: 'idle' })
    }
  }

  const empty = stats.value?.count === 0
  const busy = progress.state === 'busy'
  return (
    <div class="data-export">
      <div class="field">
        <label for={`${ids}-sep`}>{i18n.t('dt_separatorLabel')}</label>
        <select
          id={`${ids}-sep`}
          class="data-separator"
          aria-describedby={`${ids}-sep-help`}
          value={sep}
          onChange={(e) => setSep(e.currentTarget.value === ';' ? ';' : ',')}
        >
          <option value=",">{i18n.t('dt_separatorComma')}</option>
          <option value=";">{i18n.t('dt_separatorSemicolon')}</option>
        </select>
        <p id={`${ids}-sep-help`} class="hint">
          {i18n.t('dt_separatorHelp')}
        </p>
      </div>
      <div class="card-actions">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy || empty}
          onClick={() => void run('csv')}
        >
          {i18n.t('dt_exportCsv')}
        </button>
        <button type="button" class="btn" disabled={busy || empty} onClick={() => void run('json')}>
          {i18n.t('dt_exportJson')}
        </button>
      </div>
      <p class={`status${outcome?.ok ? ' status-ok' : ''}`} role="status">
        {busy
          ? i18n.t('dt_exporting', i18n.number(progress.done), i18n.number(progress.total))
          : empty
            ? i18n.t('dt_exportEmpty')
            : outcome?.ok
              ? outcome.text
              : ''}
      </p>
      {outcome && !outcome.ok && (
        <p class="alert" role="alert">
          {outcome.text}
        </p>
      )}
    </div>
  )
}
