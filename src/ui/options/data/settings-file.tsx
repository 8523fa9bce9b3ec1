/**
 * The settings file: export (the stored settings in their envelope) and import. An import is
 * sent whole to the background, which takes it or refuses it whole (`ui/settings-import`); a
 * refusal lists every problem, in the user's language where its code is known, and nothing
 * changes. The rest of the page follows the stored settings, so a good import shows at once.
 */
import { useId, useState } from 'preact/hooks'
import { z } from 'zod'
import { exportFileName } from '../../../core/export/exporter'
import { settingsFileText } from '../../../core/export/settings-file'
import {
  checkImport,
  IMPORT_MAX_BYTES,
  type ImportError,
  importError,
  parseImportText,
} from '../../../core/settings-import'
import { readSettings } from '../../../store/settings'
import { useApp } from '../../app-context'
import { download, type SaveFile } from './download'
import { ImportErrors } from './import-errors'

/** The background's errors, each kept if it has their shape (any code: unknown ones read as "invalid"). */
const ReplyError = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.number()).optional(),
})
const replyErrors = (raw: unknown): ImportError[] =>
  (Array.isArray(raw) ? raw : []).flatMap((e) => {
    const one = ReplyError.safeParse(e)
    return one.success ? [one.data] : []
  })

type Outcome =
  | { kind: 'busy' }
  | { kind: 'imported'; text: string }
  | { kind: 'refused'; file: string; errors: ImportError[]; raw: unknown }
  | { kind: 'failed'; text: string }

export function SettingsFile({ save = download }: { save?: SaveFile }) {
  const { db, connector, i18n, now } = useApp()
  const ids = useId()
  const [exported, setExported] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const exportSettings = async () => {
    const { settings } = await readSettings(db)
    const name = exportFileName('settings', 'json', now())
    save({ parts: [settingsFileText(settings, now())], type: 'application/json', name })
    setExported(i18n.t('dt_settingsExported', name))
  }

  const importFile = async (file: File) => {
    setExported('')
    setOutcome({ kind: 'busy' })
    const refuse = (errors: ImportError[], raw: unknown = null) =>
      setOutcome({ kind: 'refused', file: file.name, errors, raw })
    // Refused before reading: a huge file is not read into memory at all.
    if (file.size > IMPORT_MAX_BYTES) return refuse([importError('', 'too-big')])
    const parsed = parseImportText(await file.text())
    if (!parsed.ok) return refuse(parsed.errors)
    const reply = await connector.send({ type: 'ui/settings-import', settings: parsed.value })
    if (!reply.ok) {
      const errors = replyErrors('errors' in reply ? reply.errors : undefined)
      if (errors.length > 0) return refuse(errors, parsed.value)
      return setOutcome({ kind: 'failed', text: i18n.t('dt_importFailed', file.name, reply.error) })
    }
    // The background took it; the same check here says what it held.
    const check = checkImport(parsed.value)
    const blocks = check.ok ? check.settings.schedule.blocks.length : 0
    const clients = check.ok ? check.settings.rules.clients.length : 0
    setOutcome({
      kind: 'imported',
      text: i18n.t(
        'dt_imported',
        file.name,
        i18n.tp('dt_importedBlocks', blocks),
        i18n.tp('dt_importedClients', clients),
      ),
    })
  }

  const onFile = (e: Event) => {
    const el = e.currentTarget as HTMLInputElement
    const file = el.files?.[0]
    if (file) void importFile(file).finally(() => (el.value = ''))
  }

  return (
    <div class="data-settings">
      <div class="card-actions">
        <button type="button" class="btn" onClick={() => void exportSettings()}>
          {i18n.t('dt_settingsExport')}
        </button>
      </div>
      <p class="status status-ok" role="status">
        {exported}
      </p>
      <div class="field">
        <label for={`${ids}-file`}>{i18n.t('dt_importLabel')}</label>
        <p id={`${ids}-help`} class="hint">
          {i18n.t('dt_importHelp')}
        </p>
        <input
          id={`${ids}-file`}
          class="data-file"
          type="file"
          accept=".json,application/json"
          aria-describedby={`${ids}-help`}
          disabled={outcome?.kind === 'busy'}
          onChange={onFile}
        />
      </div>
      <p class={`status${outcome?.kind === 'imported' ? ' status-ok' : ''}`} role="status">
        {outcome?.kind === 'busy'
          ? i18n.t('dt_importing')
          : outcome?.kind === 'imported'
            ? outcome.text
            : ''}
      </p>
      {outcome?.kind === 'failed' && (
        <p class="alert" role="alert">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <ImportErrors file={outcome.file} errors={outcome.errors} raw={outcome.raw} />
      )}
    </div>
  )
}
