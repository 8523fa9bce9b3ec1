/**
 * Importing contacts from a CSV file or pasted rows: a preview that says what is wrong with
 * which line, a choice of where the addresses go, and an Import that adds the good rows to the
 * draft. The user still saves (and the rules are checked again) afterwards.
 */
import { useId, useMemo, useState } from 'preact/hooks'
import { CSV_MAX_ROWS, parseContacts } from '../../../core/clients/contacts-csv'
import { decodeText } from '../../../core/clients/csv'
import type { Rules } from '../../../core/clients/schema'
import { useApp } from '../../app-context'
import { CsvPreview } from './csv-preview'
import { newClientId, takenEmails } from './draft'
import { type ImportTarget, importable, importContacts } from './import'

/** Bigger than any client list saved from a spreadsheet; a whole CRM export is not. */
const MAX_BYTES = 2 * 1024 * 1024

interface Props {
  rules: Rules
  onImport: (rules: Rules) => void
}

export function CsvImport({ rules, onImport }: Props) {
  const { i18n } = useApp()
  const ids = useId()
  const [text, setText] = useState('')
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [mode, setMode] = useState<ImportTarget['mode']>('each')
  const [clientId, setClientId] = useState('')
  const [newName, setNewName] = useState('')
  const [done, setDone] = useState<number | null>(null)

  const taken = useMemo(() => takenEmails(rules), [rules])
  const csv = useMemo(() => (text.trim() === '' ? null : parseContacts(text, taken)), [text, taken])
  const ready = csv ? importable(csv.rows, mode).length : 0
  const target: ImportTarget = mode === 'each' ? { mode } : { mode, clientId, newName }
  const canImport = ready > 0 && (mode === 'each' || clientId !== '' || newName.trim() !== '')

  const readFile = async (file: File | undefined) => {
    setDone(null)
    setFileProblem(null)
    if (!file) return
    if (file.size > MAX_BYTES) {
      setFileProblem(i18n.t('cl_importTooBig'))
      return
    }
    try {
      setText(decodeText(new Uint8Array(await file.arrayBuffer())))
    } catch (err) {
      setFileProblem(i18n.t('cl_importReadError', err instanceof Error ? err.message : String(err)))
    }
  }

  const runImport = () => {
    if (!csv || !canImport) return
    const out = importContacts(rules, csv.rows, target, newClientId)
    onImport(out.rules)
    setDone(out.added)
    setText('')
    setNewName('')
  }

  return (
    <div class="csv-import">
      <p class="hint">{i18n.t('cl_importHelp')}</p>
      <div class="csv-inputs">
        <div class="field">
          <label for={`${ids}-file`}>{i18n.t('cl_importFile')}</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={fileProblem ? `${ids}-file-err` : undefined}
            onChange={(e) => void readFile(e.currentTarget.files?.[0])}
          />
          {fileProblem && (
            <p id={`${ids}-file-err`} class="field-error">
              {fileProblem}
            </p>
          )}
        </div>
        <div class="field field-grow">
          <label for={`${ids}-paste`}>{i18n.t('cl_importPaste')}</label>
          <textarea
            id={`${ids}-paste`}
            class="csv-paste"
            rows={4}
            spellcheck={false}
            placeholder={i18n.t('cl_importPastePlaceholder')}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value)
              setDone(null)
            }}
          />
        </div>
      </div>
      <p class="status" role="status">
        {done !== null ? i18n.tp('cl_imported', done) : ''}
      </p>
      {csv && (
        <>
          <CsvPreview csv={csv} mode={mode} ready={ready} max={CSV_MAX_ROWS} />
          <fieldset class="import-target">
            <legend>{i18n.t('cl_importAs')}</legend>
            <label class="check">
              <input
                type="radio"
                name={`${ids}-mode`}
                checked={mode === 'each'}
                onChange={() => setMode('each')}
              />
              {i18n.t('cl_importEach')}
            </label>
            <p class="hint">{i18n.t('cl_importEachHelp')}</p>
            <label class="check">
              <input
                type="radio"
                name={`${ids}-mode`}
                checked={mode === 'one'}
                onChange={() => setMode('one')}
              />
              {i18n.t('cl_importOne')}
            </label>
            {mode === 'one' && (
              <div class="import-one">
                <div class="field">
                  <label for={`${ids}-client`}>{i18n.t('cl_importClient')}</label>
                  <select
                    id={`${ids}-client`}
                    value={clientId}
                    onChange={(e) => setClientId(e.currentTarget.value)}
                  >
                    <option value="">{i18n.t('cl_importNewClient')}</option>
                    {rules.clients.map((c, i) => (
                      <option key={c.id} value={c.id}>
                        {c.name.trim() || i18n.t('cl_clientNumber', i + 1)}
                      </option>
                    ))}
                  </select>
                </div>
                {clientId === '' && (
                  <div class="field field-grow">
                    <label for={`${ids}-name`}>{i18n.t('cl_importNewName')}</label>
                    <input
                      id={`${ids}-name`}
                      type="text"
                      maxLength={80}
                      value={newName}
                      onInput={(e) => setNewName(e.currentTarget.value)}
                    />
                  </div>
                )}
              </div>
            )}
          </fieldset>
          <div class="import-actions">
            <button type="button" class="btn btn-primary" disabled={!canImport} onClick={runImport}>
              {i18n.tp('cl_importButton', ready)}
            </button>
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => {
                setText('')
                setFileProblem(null)
              }}
            >
              {i18n.t('cl_importClear')}
            </button>
          </div>
        </>
      )}
    </div>
  )
}
