/** "Share your availability": the text for clients, in English or Spanish, ready to copy. */
import { useId, useRef, useState } from 'preact/hooks'
import type { Schedule } from '../../core/schedule/schema'
import { useApp } from '../app-context'
import type { TextLang } from './availability'
import { availabilityText } from './availability-text'

export function ShareAvailability({ schedule }: { schedule: Schedule }) {
  const { i18n } = useApp()
  const ids = useId()
  const [lang, setLang] = useState<TextLang>(i18n.lang.toLowerCase().startsWith('es') ? 'es' : 'en')
  const [emergency, setEmergency] = useState('')
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
              setEmergency(e.currentTarget.value)
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
