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
import { useSaveState } from './use-save-state'

export function useScheduleDraft() {
  const { db, connector, i18n } = useApp()
  const stored = useLiveQuery<LoadedSettings>(() => readSettings(db), [db])
  const [draft, setDraft] = useState<Schedule | null>(null)
  const { edited, sending, settled, ...saving } = useSaveState<Schedule, FieldError>(
    validateSchedule,
  )

  const settings = stored.value?.settings
  useEffect(() => {
    if (settings && draft === null) setDraft(settings.schedule)
  }, [settings, draft])

  const edit = (next: Schedule) => {
    setDraft(next)
    edited(next)
  }

  /** Resolves to false when nothing was saved. */
  const save = async (): Promise<boolean> => {
    if (!draft || !settings) return false
    const outcome = await saveSchedule(connector, i18n, settings, draft, sending)
    settled(outcome)
    return outcome.ok
  }

  const dirty = draft !== null && settings !== undefined && !sameSchedule(draft, settings.schedule)
  return { stored, draft, edit, save, dirty, ...saving }
}
