/**
 * The clients editor's model: the stored rules (live), the draft being edited, the errors, and
 * saving. While the draft has no unsaved changes it follows the stored rules, so an identity
 * added elsewhere on the page (a suggestion) shows up here at once. Mirrors ../use-schedule-draft.ts.
 */
import { useEffect, useState } from 'preact/hooks'
import type { Rules } from '../../../core/clients/schema'
import { type RuleError, validateRules } from '../../../core/clients/validate'
import type { LoadedSettings } from '../../../core/settings'
import { readSettings } from '../../../store/settings'
import { useApp } from '../../app-context'
import { useLiveQuery } from '../../hooks/use-live-query'
import { useSaveState } from '../use-save-state'
import { sameRules } from './draft'
import { saveRules } from './save-rules'

export function useRulesDraft() {
  const { db, connector, i18n } = useApp()
  const stored = useLiveQuery<LoadedSettings>(() => readSettings(db), [db])
  const [draft, setDraft] = useState<Rules | null>(null)
  /** The stored rules the draft was last compared with. */
  const [base, setBase] = useState<Rules | null>(null)
  const { edited, sending, settled, ...saving } = useSaveState<Rules, RuleError>(validateRules)

  const rules = stored.value?.settings.rules
  useEffect(() => {
    if (!rules) return
    if (draft === null || (base !== null && sameRules(draft, base))) setDraft(rules)
    setBase(rules)
  }, [rules])

  const edit = (next: Rules) => {
    setDraft(next)
    edited(next)
  }

  /** Resolves to whether it saved, and the field errors that stopped it. */
  const save = async (): Promise<{ saved: boolean; errors: RuleError[] }> => {
    if (!draft) return { saved: false, errors: [] }
    const sent = draft
    const outcome = await saveRules(connector, i18n, sent, sending)
    // The stored rules are the normalised ones; an edit made while saving stays.
    if (outcome.ok) setDraft((d) => (d === sent ? outcome.rules : d))
    settled(outcome)
    return outcome.ok ? { saved: true, errors: [] } : { saved: false, errors: outcome.errors }
  }

  const dirty = draft !== null && rules !== undefined && !sameRules(draft, rules)
  return { stored, draft, edit, save, dirty, ...saving }
}

export type RulesModel = ReturnType<typeof useRulesDraft>
