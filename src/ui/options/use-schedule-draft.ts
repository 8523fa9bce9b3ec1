/**
 * The options page's model: the stored settings (live), the draft being edited, the errors, and
 * saving. Nothing is sent while `validateSchedule` finds errors; the background's own refusal
 * (with its FieldErrors) is shown the same way.
 */
import { useEffect, useState } from 'preact/hooks'
import type { Schedule } from '../../core/schedule/schema'
import { type FieldError, validateSchedule } from '../../core/schedule/validate'
import type { LoadedSettings } from '../../core/settings'
import { readSettings } from '../../store/settings'
import { useApp } from '../app-context'
import { useLiveQuery } from '../hooks/use-live-query'
import { sameSchedule } from './draft'
import { saveSchedule } from './save-schedule'

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'invalid'

export function useScheduleDraft() {
  const { db, connector, i18n } = useApp()
  const stored = useLiveQuery<LoadedSettings>(() => readSettings(db), [db])
  const [draft, setDraft] = useState<Schedule | null>(null)
  const [errors, setErrors] = useState<FieldError[]>([])
  // After a refused save, errors follow every edit, so each one goes away once fixed.
  const [checking, setChecking] = useState(false)
  const [status, setStatus] = useState<SaveStatus>('idle')
  const [failure, setFailure] = useState<string | null>(null)

  const settings = stored.value?.settings
  useEffect(() => {
    if (settings && draft === null) setDraft(settings.schedule)
  }, [settings, draft])

  const edit = (next: Schedule) => {
    setDraft(next)
    setStatus('idle')
    if (checking) {
      const check = validateSchedule(next)
      setErrors(check.ok ? [] : check.errors)
    }
  }

  /** Resolves to false when nothing was saved. */
  const save = async (): Promise<boolean> => {
    if (!draft || !settings) return false
    const outcome = await saveSchedule(connector, i18n, settings, draft, () => {
      setErrors([])
      setStatus('saving')
    })
    if (outcome.ok) {
      setFailure(null)
      setChecking(false)
      setStatus('saved')
      return true
    }
    setErrors(outcome.errors)
    setChecking(outcome.errors.length > 0)
    setStatus(outcome.errors.length > 0 ? 'invalid' : 'idle')
    if (!outcome.checked) setFailure(outcome.failure)
    return false
  }

  const dirty = draft !== null && settings !== undefined && !sameSchedule(draft, settings.schedule)
  return {
    stored,
    draft,
    edit,
    save,
    errors,
    status,
    dirty,
    failure,
    dismissFailure: () => setFailure(null),
  }
}
