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
import type { SaveStatus } from '../use-schedule-draft'
import { sameRules } from './draft'
import { saveRules } from './save-rules'

export function useRulesDraft() {
  const { db, connector, i18n } = useApp()
  const stored = useLiveQuery<LoadedSettings>(() => readSettings(db), [db])
  const [draft, setDraft] = useState<Rules | null>(null)
  /** The stored rules the draft was last compared with. */
  const [base, setBase] = useState<Rules | null>(null)
  const [errors, setErrors] = useState<RuleError[]>([])
  // After a refused save, errors follow every edit, so each one goes away once fixed.
  const [checking, setChecking] = useState(false)
  const [status, setStatus] = useState<SaveStatus>('idle')
  const [failure, setFailure] = useState<string | null>(null)

  const rules = stored.value?.settings.rules
  useEffect(() => {
    if (!rules) return
    if (draft === null || (base !== null && sameRules(draft, base))) setDraft(rules)
    setBase(rules)
  }, [rules])

  const edit = (next: Rules) => {
    setDraft(next)
    setStatus('idle')
    if (checking) {
      const check = validateRules(next)
      setErrors(check.ok ? [] : check.errors)
    }
  }

  /** Resolves to whether it saved, and the field errors that stopped it. */
  const save = async (): Promise<{ saved: boolean; errors: RuleError[] }> => {
    if (!draft) return { saved: false, errors: [] }
    const sent = draft
    const outcome = await saveRules(connector, i18n, sent, () => {
      setErrors([])
      setStatus('saving')
    })
    if (outcome.ok) {
      // The stored rules are the normalised ones; an edit made while saving stays.
      setDraft((d) => (d === sent ? outcome.rules : d))
      setFailure(null)
      setChecking(false)
      setStatus('saved')
      return { saved: true, errors: [] }
    }
    setErrors(outcome.errors)
    setChecking(outcome.errors.length > 0)
    setStatus(outcome.errors.length > 0 ? 'invalid' : 'idle')
    if (!outcome.checked) setFailure(outcome.failure)
    return { saved: false, errors: outcome.errors }
  }

  const dirty = draft !== null && rules !== undefined && !sameRules(draft, rules)
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

export type RulesModel = ReturnType<typeof useRulesDraft>
