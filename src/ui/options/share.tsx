/** "Share your availability": the text for clients, in English or Spanish, ready to copy. */
import { useId, useRef, useState } from 'preact/hooks'
import type { Schedule } from '../../core/schedule/schema'
import { siteById } from '../../core/sites'
import { readSettings } from '../../store/settings'
import { useApp } from '../app-context'
import { useLiveQuery } from '../hooks/use-live-query'
import type { TextLang } from './availability'
import { availabilityText } from './availability-text'

export function ShareAvailability({ schedule }: { schedule: Schedule }) {
  const { i18n, db } = useApp()
  const ids = useId()
  const [lang, setLang] = useState<TextLang>(i18n.lang.toLowerCase().startsWith('es') ? 'es' : 'en')
  // Until the user types one, the emergency channel is the site designated in the client rules.
  const [typed, setTyped] = useState<string | null>(null)
  const stored = useLiveQuery(() => readSettings(db), [db])
  const designated = siteById(stored.value?.settings.rules.emergencyChannel ?? '')?.label ?? ''
  const emergency = typed ?? designated
  const [status, setStatus] = useState<'' | 'copied' | 'selected'>('')
  const output = useRef<HTMLTextAreaElement>(null)
  const text = availabilityText(schedule, { lang, locale: i18n.lang, emergency })

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setStatus('copied')
    } catch {
      // No clipboard access (permission, or an old browser): select the text for Ctrl+C.
      output.current?.focus()
      output.current?.select()
      setStatus('selected')
    }
  }

  return (
    <div class="share">
      <div class="share-inputs">
        <div class="field">
          <label for={`${ids}-lang`}>{i18n.t('opt_shareLang')}</label>
          <select
            id={`${ids}-lang`}
            value={lang}
            onChange={(e) => {
              setLang(e.currentTarget.value === 'es' ? 'es' : 'en')
              setStatus('')
            }}
          >
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </div>
        <div class="field field-grow">
          <label for={`${ids}-em`}>{i18n.t('opt_shareEmergency')}</label>
          <input
            id={`${ids}-em`}
            type="text"
            value={emergency}
            placeholder={i18n.t('opt_shareEmergencyExample')}
            aria-describedby={`${ids}-em-hint`}
            onInput={(e) => {
              setTyped(e.currentTarget.value)
              setStatus('')
            }}
          />
          <p id={`${ids}-em-hint`} class="hint">
            {i18n.t('opt_shareEmergencyHint')}
          </p>
        </div>
      </div>
      <label for={`${ids}-out`} class="visually-hidden">
        {i18n.t('opt_shareText')}
      </label>
      <textarea id={`${ids}-out`} ref={output} class="share-text" readOnly rows={3} value={text} />
      <div class="share-actions">
        <button type="button" class="btn btn-primary" onClick={() => void copy()}>
          {i18n.t('opt_copy')}
        </button>
        <p class="status" role="status">
          {status === 'copied'
            ? i18n.t('opt_copied')
            : status === 'selected'
              ? i18n.t('opt_copySelected')
              : ''}
        </p>
      </div>
    </div>
  )
}
