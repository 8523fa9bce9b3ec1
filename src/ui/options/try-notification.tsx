/**
 * "Try a notification" (options page, Clients): a made-up notification run through the real
 * rules (core/clients/try), so the user can check a client or a keyword before a block does.
 * The result follows the stored settings live: save a rule and the answer changes at once.
 */
import { useId, useMemo, useState } from 'preact/hooks'
import { type TryInput, tryNotification } from '../../core/clients/try'
import { SITES } from '../../core/sites'
import { readSettings } from '../../store/settings'
import { useApp } from '../app-context'
import { useLiveQuery } from '../hooks/use-live-query'
import { quietOptionsAt } from './try-context'
import { TryResultView } from './try-result'
import { fromLocalInput, toLocalInput } from './try-time'

interface Draft {
  site: string
  title: string
  body: string
  when: 'now' | 'at'
  /** datetime-local value */
  at: string
}

export function TryNotification() {
  const { db, i18n, now } = useApp()
  const ids = useId()
  const stored = useLiveQuery(() => readSettings(db), [db])
  // Read again when sessions change (one starts or is ended early), like the settings.
  const opts = useLiveQuery(() => quietOptionsAt(db, now()), [db])
  const [draft, setDraft] = useState<Draft>(() => ({
    site: SITES[0]!.id,
    title: '',
    body: '',
    when: 'now',
    at: toLocalInput(now()),
  }))
  const [tried, setTried] = useState<TryInput | null>(null)
  const [badTime, setBadTime] = useState(false)
  const settings = stored.value?.settings
  const result = useMemo(
    () => (settings && tried ? tryNotification(settings, tried, opts.value) : null),
    [settings, tried, opts.value],
  )

  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }))
  const submit = (e: Event) => {
    e.preventDefault()
    const at = draft.when === 'now' ? now() : fromLocalInput(draft.at)
    setBadTime(at === null)
    if (at === null) return
    setTried({ site: draft.site, title: draft.title, body: draft.body, at })
  }

  return (
    <section class="card try" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`} class="card-title">
        {i18n.t('tr_heading')}
      </h3>
      <p class="hint">{i18n.t('tr_help')}</p>
      <form class="try-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for={`${ids}-site`}>{i18n.t('tr_site')}</label>
          <select
            id={`${ids}-site`}
            value={draft.site}
            onChange={(e) => edit({ site: e.currentTarget.value })}
          >
            {SITES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${ids}-title`}>{i18n.t('tr_title')}</label>
          <input
            id={`${ids}-title`}
            type="text"
            value={draft.title}
            aria-describedby={`${ids}-title-hint`}
            onInput={(e) => edit({ title: e.currentTarget.value })}
          />
          <p id={`${ids}-title-hint`} class="hint">
            {i18n.t('tr_titleHint')}
          </p>
        </div>
        <div class="field">
          <label for={`${ids}-body`}>{i18n.t('tr_body')}</label>
          <textarea
            id={`${ids}-body`}
            rows={2}
            value={draft.body}
            onInput={(e) => edit({ body: e.currentTarget.value })}
          />
        </div>
        <fieldset class="try-when">
          <legend>{i18n.t('tr_when')}</legend>
          <label class="check">
            <input
              type="radio"
              name={`${ids}-when`}
              checked={draft.when === 'now'}
              onChange={() => edit({ when: 'now' })}
            />
            {i18n.t('tr_now')}
          </label>
          <label class="check">
            <input
              type="radio"
              name={`${ids}-when`}
              checked={draft.when === 'at'}
              onChange={() => edit({ when: 'at' })}
            />
            {i18n.t('tr_at')}
          </label>
          <label class="visually-hidden" for={`${ids}-at`}>
            {i18n.t('tr_atLabel')}
          </label>
          <input
            id={`${ids}-at`}
            type="datetime-local"
            value={draft.at}
            disabled={draft.when === 'now'}
            aria-invalid={badTime}
            aria-describedby={badTime ? `${ids}-at-error` : undefined}
            onInput={(e) => edit({ at: e.currentTarget.value })}
          />
          {badTime && (
            <p id={`${ids}-at-error`} class="field-error">
              {i18n.t('tr_badTime')}
            </p>
          )}
        </fieldset>
        <div class="actions try-actions">
          <button type="submit" class="btn btn-primary" disabled={!settings}>
            {i18n.t('tr_submit')}
          </button>
        </div>
      </form>
      <div class="try-output" aria-live="polite">
        {result && tried && <TryResultView result={result} site={tried.site} />}
      </div>
      <p class="hint">{i18n.t('tr_noHistory')}</p>
    </section>
  )
}
