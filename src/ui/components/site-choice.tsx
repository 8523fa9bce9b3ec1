/**
 * Which built-in sites Margen watches. A change is saved at once (the rest of the settings as
 * stored); an unwatched site's notifications always pass and are never recorded.
 */
import { useId, useState } from 'preact/hooks'
import { SITES, type SiteKind } from '../../core/sites'
import { readSettings } from '../../store/settings'
import { useApp } from '../app-context'
import { useLiveQuery } from '../hooks/use-live-query'

const KINDS: [SiteKind, 'onb_mail' | 'onb_chat'][] = [
  ['mail', 'onb_mail'],
  ['chat', 'onb_chat'],
]

export function SiteChoice() {
  const { db, i18n, connector } = useApp()
  const ids = useId()
  const stored = useLiveQuery(() => readSettings(db), [db])
  const [status, setStatus] = useState<'idle' | 'saved' | string>('idle')
  const settings = stored.value?.settings
  if (!settings) return <p class="muted">{i18n.t('ui_loading')}</p>
  const unwatched = new Set(settings.unwatched)

  const toggle = async (id: string, watch: boolean) => {
    const next = SITES.map((s) => s.id).filter((s) => (s === id ? !watch : unwatched.has(s)))
    const reply = await connector.send({
      type: 'ui/settings-save',
      settings: { ...settings, unwatched: next },
    })
    setStatus(reply.ok ? 'saved' : reply.error)
  }

  return (
    <div>
      <div class="site-groups">
        {KINDS.map(([kind, key]) => (
          <fieldset key={kind} class="site-fieldset">
            <legend class="limits-sub">{i18n.t(key)}</legend>
            <ul class="site-list">
              {SITES.filter((s) => s.kind === kind).map((s) => (
                <li key={s.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      id={`${ids}-${s.id}`}
                      checked={!unwatched.has(s.id)}
                      onChange={(e) => void toggle(s.id, e.currentTarget.checked)}
                    />
                    {s.label}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
      <p class="hint">{i18n.t('sites_help')}</p>
      <p class="status" aria-live="polite">
        {status === 'idle'
          ? ''
          : status === 'saved'
            ? i18n.t('opt_saved')
            : i18n.t('ui_error', status)}
      </p>
    </div>
  )
}
