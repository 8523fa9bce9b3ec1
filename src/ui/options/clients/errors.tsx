/**
 * The clients form's errors next to their fields, and its summary that links to them, read from
 * one context over `Rules`; a link can first open the client it points into. The markup is
 * ../../components/field-errors.tsx, shared with the schedule's form.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { DEFAULT_RULES, type Rules } from '../../../core/clients/schema'
import type { RuleError } from '../../../core/clients/validate'
import { useApp } from '../../app-context'
import {
  type ErrorForm,
  FieldErrorList,
  fieldState,
  focusControl,
  LinkedErrorSummary,
} from '../../components/field-errors'
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

function useRulesErrors(): ErrorForm<RuleError> {
  const { i18n } = useApp()
  const { errors, rules } = useContext(RulesErrorsContext)
  return {
    errors,
    fieldOf,
    fieldId,
    text: (e) => ruleErrorText(i18n, e, rules),
    where: (field) => ruleErrorWhere(i18n, field, rules),
  }
}

/** Attributes for a field's input: its id, invalid, and described by its errors and a hint. */
export function useRuleField(field: string, hintId?: string) {
  const { errors } = useContext(RulesErrorsContext)
  return fieldState(fieldId(field), errorsOf(errors, field).length > 0, hintId)
}

export function RuleFieldErrors({ field }: { field: string }) {
  return <FieldErrorList form={useRulesErrors()} field={field} />
}

/** Focuses a field, or the first control inside it (a chip's remove button, a list's first row). */
export const focusRuleField = (field: string) => focusControl(fieldId(field))

interface SummaryProps {
  id: string
  /** Makes the field present (opens its client), then focuses it. */
  onGo: (field: string) => void
}

export function RulesErrorSummary({ id, onGo }: SummaryProps) {
  return <LinkedErrorSummary form={useRulesErrors()} id={id} level={3} onGo={onGo} />
}
