/**
 * A form's validation errors, next to their fields and in a summary at the top that links to
 * them. The form says where an error goes and what it says; the schedule and the clients form
 * (../options/field-errors.tsx, ../options/clients/errors.tsx) each read theirs from a context.
 */
import type { CodedError } from '../../core/field-errors'
import { useApp } from '../app-context'

export interface ErrorForm<E extends CodedError<string>> {
  errors: readonly E[]
  /** The field an error's path is shown next to; '' for the summary only. */
  fieldOf: (path: string) => string
  /** The element id of a field; its errors are `<id>-err`. */
  fieldId: (field: string) => string
  /** An error in the UI language. */
  text: (e: E) => string
  /** What the summary says a field belongs to (a block, a client), or ''. */
  where: (field: string) => string
}

/** Attributes for a field's input: its id, invalid, and described by its errors and a hint. */
export function fieldState(id: string, invalid: boolean, hintId?: string) {
  const described = [invalid ? `${id}-err` : '', hintId ?? ''].filter(Boolean).join(' ')
  return {
    id,
    'aria-invalid': invalid,
    'aria-describedby': described || undefined,
  }
}

/** A field's errors, next to it; nothing when it has none. */
export function FieldErrorList<E extends CodedError<string>>({
  form,
  field,
}: {
  form: ErrorForm<E>
  field: string
}) {
  const mine = form.errors.filter((e) => form.fieldOf(e.path) === field)
  if (mine.length === 0) return null
  return (
    <p id={`${form.fieldId(field)}-err`} class="field-error">
      {mine.map((e) => form.text(e)).join(' ')}
    </p>
  )
}

/** Focuses an element, or the first control inside it (a chip's remove button, a list's row). */
export function focusControl(id: string): void {
  const el = document.getElementById(id)
  if (!el) return
  const target = el.matches('input, select, textarea, button')
    ? el
    : el.querySelector<HTMLElement>('input, select, textarea, button')
  ;(target ?? el).focus()
  el.scrollIntoView?.({ block: 'center' })
}

interface SummaryProps<E extends CodedError<string>> {
  form: ErrorForm<E>
  id: string
  /** The heading's level, where the summary sits in the page's outline. */
  level: 2 | 3
  /** Called with the field a link points to, to bring it into view and focus it. */
  onGo: (field: string) => void
}

export function LinkedErrorSummary<E extends CodedError<string>>({
  form,
  id,
  level,
  onGo,
}: SummaryProps<E>) {
  const { i18n } = useApp()
  if (form.errors.length === 0) return null
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <section id={id} class="error-summary" tabIndex={-1} aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`}>{i18n.tp('opt_errorSummary', form.errors.length)}</Heading>
      <ul>
        {form.errors.map((e) => {
          const field = form.fieldOf(e.path)
          const where = form.where(field)
          const text = form.text(e)
          return (
            <li key={`${e.path}:${e.code}:${e.params?.other ?? ''}`}>
              <a
                href={`#${form.fieldId(field)}`}
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
