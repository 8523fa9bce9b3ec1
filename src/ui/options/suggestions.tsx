/**
 * Suggestions (options page, Clients): people who wrote often in the last 30 days and belong to
 * no client, each one click away from a client. The list is live on both the captures and the
 * settings, so a sender disappears from it as soon as a client claims them.
 */
import { useId, useState } from 'preact/hooks'
import { compileRules } from '../../core/clients/compile'
import { stillUnknown } from '../../core/clients/suggest'
import { frequentUnknown } from '../../store/clients'
import type { MargenDb } from '../../store/db'
import { readSettings } from '../../store/settings'
import { useApp } from '../app-context'
import { useLiveQuery } from '../hooks/use-live-query'
import { SuggestionRow } from './suggestion-row'

const WINDOW_MS = 30 * 24 * 60 * 60_000

async function suggestionsView(db: MargenDb, now: number) {
  const [{ settings }, list] = await Promise.all([
    readSettings(db),
    frequentUnknown(db, now - WINDOW_MS),
  ])
  const rules = settings.rules
  return { clients: rules.clients, list: stillUnknown(list, compileRules(rules)) }
}

export function Suggestions() {
  const { db, i18n, now } = useApp()
  const ids = useId()
  const view = useLiveQuery(() => suggestionsView(db, now()), [db])
  const [status, setStatus] = useState('')

  return (
    <section class="card suggestions" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`} class="card-title">
        {i18n.t('sg_heading')}
      </h3>
      <p class="hint">{i18n.t('sg_help')}</p>
      {view.error !== undefined && (
        <p class="alert">{i18n.t('ui_dataError', String(view.error))}</p>
      )}
      {!view.value ? (
        <p class="muted">{i18n.t('ui_loading')}</p>
      ) : view.value.list.length === 0 ? (
        <p class="empty">{i18n.t('sg_empty')}</p>
      ) : (
        <ul class="suggestion-list">
          {view.value.list.map((s) => (
            <SuggestionRow
              key={`${s.idKind}:${s.site}:${s.idValue}`}
              suggestion={s}
              clients={view.value?.clients ?? []}
              onAdded={setStatus}
            />
          ))}
        </ul>
      )}
      <p class="status" aria-live="polite">
        {status}
      </p>
    </section>
  )
}
