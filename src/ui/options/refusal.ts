/**
 * A save the options page asked for and did not get, read the same way for the schedule and the
 * clients: field errors when there are any to show, otherwise a message for the error banner.
 */
import { type FailedReply, UNREACHABLE } from '../connector'
import type { I18n } from '../i18n'

export interface Refusal<E> {
  ok: false
  /** Refused here, before anything was sent. */
  checked: boolean
  errors: E[]
  /** For the error banner, when there are no field errors to show. */
  failure: string | null
}

/** Refused by the page's own check. */
export const checkedRefusal = <E>(errors: E[]): Refusal<E> => ({
  ok: false,
  checked: true,
  errors,
  failure: null,
})

/** Refused by the background: the errors it gave that `parse` knows, or else its error in words. */
export function readRefusal<E>(
  i18n: I18n,
  reply: FailedReply,
  parse: (raw: unknown) => E[],
): Refusal<E> {
  const errors = parse(reply.errors)
  const failure =
    errors.length > 0
      ? null
      : reply.error === UNREACHABLE
        ? i18n.t('ui_errorUnreachable')
        : i18n.t('ui_error', reply.error)
  return { ok: false, checked: false, errors, failure }
}
