/**
 * The clients form's errors next to their fields, and its summary that links to them. Like
 * ../field-errors.tsx, but over `Rules`, and a link can first open the client it points into.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { DEFAULT_RULES, type Rules } from '../../../core/clients/schema'
import type { RuleError } from '../../../core/clients/validate'
import { useApp } from '../../app-context'
import { errorsOf, fieldId, fieldOf } from './draft'
import { ruleErrorText, ruleErrorWhere } from './error-text'

export interface RulesErrorsValue {
  errors: readonly RuleError[]
  rules: Rules
}

export const RulesErrorsContext = createContext<RulesErrorsValue>({
  errors: [],
  rules: DEFAULT_RULES,
})

/** Attributes for a field's input: its id, invalid, and described by its errors and a hint. */
export function useRuleField(field: string, hintId?: string) {
  const { errors } = useContext(RulesErrorsContext)
  const has = errorsOf(errors, field).length > 0
  const described = [has ? `${fieldId(field)}-err` : '', hintId ?? ''].filter(Boolean).join(' ')
  return {
    id: fieldId(field),
    'aria-invalid': has,
    'aria-describedby': described || undefined,
  }
}

export function RuleFieldErrors({ field }: { field: string }) {
  const { i18n } = useApp()
  const { errors, rules } = useContext(RulesErrorsContext)
  const mine = errorsOf(errors, field)
  if (mine.length === 0) return null
  return (
    <p id={`${fieldId(field)}-err`} class="field-error">
      {mine.map((e) => ruleErrorText(i18n, e, rules)).join(' ')}
    </p>
  )
}

/** Focuses a field, or the first control inside it (a chip's remove button, a list's first row). */
export function focusRuleField(field: string): void {
  const el = document.getElementById(fieldId(field))
  if (!el) return
  const target = el.matches('input, select, textarea, button')
    ? el
    : el.querySelector<HTMLElement>('input, select, textarea, button')
  ;(target ?? el).focus()
  el.scrollIntoView?.({ block: 'center' })
}

interface SummaryProps {
  id: string
  /** Makes the field present (opens its client), then focuses it. */
  onGo: (field: string) => void
}

export function RulesErrorSummary({ id, onGo }: SummaryProps) {
  const { i18n } = useApp()
  const { errors, rules } = useContext(RulesErrorsContext)
  if (errors.length === 0) return null
  return (
    <section id={id} class="error-summary" tabIndex={-1} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{i18n.tp('opt_errorSummary', errors.length)}</h3>
      <ul>
        {errors.map((e) => {
          const field = fieldOf(e.path)
          const where = ruleErrorWhere(i18n, field, rules)
          const text = ruleErrorText(i18n, e, rules)
          return (
            <li key={`${e.path}:${e.code}:${e.params?.other ?? ''}`}>
              <a
                href={`#${fieldId(field)}`}
                onClick={(ev) => {
                  ev.preventDefault()
                  onGo(field)
                }}
              >
                {where ? i18n.t('opt_errorIn', where, text) : text}
              </a>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
