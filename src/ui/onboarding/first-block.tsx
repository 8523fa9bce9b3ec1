/**
 * Onboarding's first block: Mon–Fri 09:00–11:00 "Backoffice" by default, added to the stored
 * schedule (or replacing itself when saved again) and checked like the options page does.
 */
import { useState } from 'preact/hooks'
import type { WeeklyBlock } from '../../core/schedule/schema'
import { type FieldError, validateSchedule } from '../../core/schedule/validate'
import { readSettings } from '../../store/settings'
import { useApp } from '../app-context'
import { ErrorBanner } from '../components/error-banner'
import { useLiveQuery } from '../hooks/use-live-query'
import { BlockEditor } from '../options/block-editor'
import { MON_TO_FRI, newId } from '../options/draft'
import { ErrorSummary, ErrorsContext } from '../options/field-errors'
import { saveSchedule } from '../options/save-schedule'

export function FirstBlock({ summaryId }: { summaryId: string }) {
  const { db, connector, i18n, now } = useApp()
  const stored = useLiveQuery(() => readSettings(db), [db])
  const [block, setBlock] = useState<WeeklyBlock>(() => ({
    id: newId(now()),
    label: i18n.t('onb_blockDefaultLabel'),
    days: [...MON_TO_FRI],
    start: 9 * 60,
    end: 11 * 60,
  }))
  const [errors, setErrors] = useState<FieldError[]>([])
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [failure, setFailure] = useState<string | null>(null)

  const settings = stored.value?.settings
  const others = settings?.schedule.blocks.filter((b) => b.id !== block.id) ?? []
  const schedule = settings && { ...settings.schedule, blocks: [...others, block] }

  const save = async (e: Event) => {
    e.preventDefault()
    if (!settings || !schedule) return
    const outcome = await saveSchedule(connector, i18n, settings, schedule, () => {
      setErrors([])
      setStatus('saving')
    })
    if (outcome.ok) {
      setFailure(null)
      setStatus('saved')
      return
    }
    setErrors(outcome.errors)
    if (outcome.checked) {
      document.getElementById(summaryId)?.focus()
      return
    }
    setStatus('idle')
    if (outcome.failure) setFailure(outcome.failure)
  }

  if (!schedule) return <p class="muted">{i18n.t('ui_loading')}</p>
  return (
    <ErrorsContext.Provider value={{ errors, schedule }}>
      <form onSubmit={save} noValidate class="first-block">
        <ErrorSummary id={summaryId} />
        <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />
        <ul class="block-list">
          <BlockEditor
            block={block}
            index={others.length}
            onChange={(b) => {
              setBlock(b)
              setStatus('idle')
              if (errors.length > 0) {
                const check = validateSchedule({ ...schedule, blocks: [...others, b] })
                setErrors(check.ok ? [] : check.errors)
              }
            }}
          />
        </ul>
        <div class="save-bar">
          <button type="submit" class="btn btn-primary" disabled={status === 'saving'}>
            {i18n.t('onb_blockSave')}
          </button>
          <p class={status === 'saved' ? 'status status-ok' : 'status'} role="status">
            {status === 'saved' ? i18n.t('onb_blockSaved', block.label) : ''}
          </p>
        </div>
      </form>
    </ErrorsContext.Provider>
  )
}
