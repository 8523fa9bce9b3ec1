/**
 * Validation errors field by field, shared by the schedule and the clients rules: `path` names
 * the field, `code` is one of the form's codes (each picks a `_locales` message), `message` is
 * the code's English text for logs and tests.
 */
import { z } from 'zod'

export interface CodedError<C extends string> {
  path: string
  code: C
  message: string
  /** Whatever the message needs about other fields, such as the index of the other one. */
  params?: Record<string, number>
}

/** The codes of a form and their English text; `invalid` is what zod's own issues become. */
export type ErrorMessages<C extends string> = Readonly<Record<C | 'invalid', string>>

/** An error on `path`, with the English text of its code. */
export function codedError<C extends string>(
  messages: ErrorMessages<C>,
  path: string,
  code: C,
  params?: Record<string, number>,
): CodedError<C> {
  return { path, code, message: messages[code], ...(params && { params }) }
}

/** A zod issue as an error: its message is a code when the schema gave one, else `invalid`. */
export function fromIssue<C extends string>(
  messages: ErrorMessages<C>,
  issue: z.core.$ZodIssue,
): CodedError<C | 'invalid'> {
  const path = issue.path.join('.')
  const code = issue.message
  if (Object.hasOwn(messages, code)) return { path, code: code as C, message: messages[code as C] }
  return { path, code: 'invalid', message: code }
}

/** Parses `input`, then checks the rules between fields on what parsed: every error at once. */
export function checkFields<T, C extends string>(
  schema: z.ZodType<T>,
  messages: ErrorMessages<C>,
  between: (value: T) => CodedError<C>[],
  input: unknown,
): { ok: true; value: T } | { ok: false; errors: CodedError<C | 'invalid'>[] } {
  const parsed = schema.safeParse(input)
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((issue) => fromIssue(messages, issue)) }
  const errors = between(parsed.data)
  return errors.length === 0 ? { ok: true, value: parsed.data } : { ok: false, errors }
}

const Shape = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.number()).optional(),
})

/**
 * Errors that came back from the background, kept only when they have the shape of one and a
 * code of this form (anything else is shown as the refusal's message instead).
 */
export function parseCodedErrors<C extends string>(
  messages: ErrorMessages<C>,
  raw: unknown,
): CodedError<C | 'invalid'>[] {
  if (!Array.isArray(raw)) return []
  return raw.flatMap((item) => {
    const e = Shape.safeParse(item)
    if (!e.success || !Object.hasOwn(messages, e.data.code)) return []
    return [e.data as CodedError<C | 'invalid'>]
  })
}
