/**
 * How long history is kept and what an interruption costs (settings.history), with how much is
 * stored now. The fields follow the stored values until edited; saving goes through the
 * background (`ui/history-save`), which checks them again.
 */
import { useEffect, useId, useState } from 'preact/hooks'
import { z } from 'zod'
import { type History, History as HistorySchema, type LoadedSettings } from '../../../core/settings'
import { historyStats } from '../../../store/history-export'
import { readSettings } from '../../../store/settings'
import { useApp } from '../../app-context'
import { ErrorBanner } from '../../components/error-banner'
import { useLiveQuery } from '../../hooks/use-live-query'
import type { MessageKey } from '../../i18n'
import { SaveBar } from '../save-bar'
import type { SaveStatus } from '../use-save-state'

type Field = keyof History
const FIELD_ERROR: Record<Field, MessageKey> = {
  retentionDays: 'dt_err_retention_days',
  interruptionMinutes: 'dt_err_interruption_minutes',
}
type Draft = Record<Field, string>

const toDraft = (h: History): Draft => ({
  retentionDays: String(h.retentionDays),
  interruptionMinutes: String(h.interruptionMinutes),
})

/** The fields with a problem: any zod issue on a field means "out of its range". */
function check(draft: Draft): { ok: true; history: History } | { ok: false; bad: Set<Field> } {
  const parsed = HistorySchema.safeParse({
    retentionDays: draft.retentionDays.trim() === '' ? Number.NaN : Number(draft.retentionDays),
    interruptionMinutes:
      draft.interruptionMinutes.trim() === '' ? Number.NaN : Number(draft.interruptionMinutes),
  })
  if (parsed.success) return { ok: true, history: parsed.data }
  return { ok: false, bad: new Set(parsed.error.issues.map((i) => i.path[0] as Field)) }
}

const BadPaths = z.array(z.looseObject({ path: z.string() }))

export function HistoryForm() {
  const { db, connector, i18n } = useApp()
  const ids = useId()
  const stored = useLiveQuery<LoadedSettings>(() => readSettings(db), [db])
  const stats = useLiveQuery(() => historyStats(db), [db])
  const history = stored.value?.settings.history
  const [draft, setDraft] = useState<Draft | null>(null)
  const [dirty, setDirty] = useState(false)
  const [bad, setBad] = useState<Set<Field>>(new Set())
  const [status, setStatus] = useState<SaveStatus>('idle')
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    if (history && !dirty) setDraft(toDraft(history))
  }, [history?.retentionDays, history?.interruptionMinutes])

  if (!draft) return <p class="muted">{i18n.t('ui_loading')}</p>

  const edit = (field: Field, value: string) => {
    const next = { ...draft, [field]: value }
    setDraft(next)
    setDirty(true)
    setStatus('idle')
    // Once a save was refused, the errors follow each edit, so a fixed field clears at once.
    if (bad.size > 0) {
      const c = check(next)
      setBad(c.ok ? new Set() : c.bad)
    }
  }

  const submit = async (e: Event) => {
    e.preventDefault()
    const c = check(draft)
    if (!c.ok) {
      setBad(c.bad)
      setStatus('invalid')
      document.getElementById(`${ids}-${[...c.bad][0]}`)?.focus()
      return
    }
    setBad(new Set())
    setStatus('saving')
    const reply = await connector.send({ type: 'ui/history-save', ...c.history })
    if (reply.ok) {
      setDirty(false)
      setStatus('saved')
      setFailure(null)
      return
    }
    const paths = BadPaths.safeParse('errors' in reply ? reply.errors : undefined)
    const fields = (paths.data ?? []).map((p) => p.path).filter((p): p is Field => p in FIELD_ERROR)
    setBad(new Set(fields))
    setStatus(fields.length > 0 ? 'invalid' : 'idle')
    if (fields.length === 0) setFailure(i18n.t('ui_error', reply.error))
  }

  const field = (name: Field, label: MessageKey, min: number, max: number, help: string[]) => {
    const id = `${ids}-${name}`
    const invalid = bad.has(name)
    const described = [invalid ? `${id}-err` : '', `${id}-help`].filter(Boolean).join(' ')
    return (
      <div class="field data-number">
        <label for={id}>{i18n.t(label)}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          required
          value={draft[name]}
          aria-invalid={invalid}
          aria-describedby={described}
          onInput={(e) => edit(name, e.currentTarget.value)}
        />
        {invalid && (
          <p id={`${id}-err`} class="field-error">
            {i18n.t(FIELD_ERROR[name])}
          </p>
        )}
        <div id={`${id}-help`} class="data-help">
          {help.map((text) => (
            <p key={text} class="hint">
              {text}
            </p>
          ))}
        </div>
      </div>
    )
  }

  const s = stats.value
  const dateFmt = new Intl.DateTimeFormat(i18n.lang, { dateStyle: 'long' })
  return (
    <form class="data-form" onSubmit={submit} noValidate>
      <p class="data-stats" aria-live="polite">
        {s === undefined
          ? ''
          : s.count === 0 || s.oldest === null
            ? i18n.t('dt_storedNone')
            : i18n.tp('dt_stored', s.count, dateFmt.format(s.oldest))}
      </p>
      <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />
      {field('retentionDays', 'dt_retentionLabel', 1, 3650, [i18n.t('dt_retentionHelp')])}
      {field('interruptionMinutes', 'dt_interruptionLabel', 1, 120, [
        i18n.t('dt_interruptionHelp'),
        i18n.t('dt_interruptionWhy'),
      ])}
      <section class="data-sources" aria-labelledby={`${ids}-sources`}>
        <h4 id={`${ids}-sources`}>{i18n.t('dt_sourcesLabel')}</h4>
        <ul>
          <li>{i18n.t('dt_source2005')}</li>
          <li>{i18n.t('dt_source2008')}</li>
        </ul>
      </section>
      <SaveBar label={i18n.t('dt_historySave')} status={status} dirty={dirty} errors={bad.size} />
    </form>
  )
}
