/**
 * What the options page's forms share about saving a draft: the errors shown, the announced
 * status, and the background's failure for the error banner. Each form keeps its own draft and
 * tells this what happened to it.
 */
import { useState } from 'preact/hooks'
import type { Refusal } from './refusal'

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'invalid'

type Check<E> = { ok: true } | { ok: false; errors: E[] }

export function useSaveState<T, E>(validate: (draft: T) => Check<E>) {
  const [errors, setErrors] = useState<E[]>([])
  // After a refused save, errors follow every edit, so each one goes away once fixed.
  const [checking, setChecking] = useState(false)
  const [status, setStatus] = useState<SaveStatus>('idle')
  const [failure, setFailure] = useState<string | null>(null)

  /** The draft changed: the last outcome no longer holds. */
  const edited = (next: T) => {
    setStatus('idle')
    if (checking) {
      const check = validate(next)
      setErrors(check.ok ? [] : check.errors)
    }
  }

  /** The draft passed the check and is on its way. */
  const sending = () => {
    setErrors([])
    setStatus('saving')
  }

  const settled = (outcome: { ok: true } | Refusal<E>) => {
    if (outcome.ok) {
      setFailure(null)
      setChecking(false)
      setStatus('saved')
      return
    }
    setErrors(outcome.errors)
    setChecking(outcome.errors.length > 0)
    setStatus(outcome.errors.length > 0 ? 'invalid' : 'idle')
    if (!outcome.checked) setFailure(outcome.failure)
  }

  return {
    edited,
    sending,
    settled,
    errors,
    status,
    failure,
    dismissFailure: () => setFailure(null),
  }
}
