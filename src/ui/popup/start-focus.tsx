/** Idle: start a block of 25, 50 or 90 minutes, or until a chosen time (tomorrow if already past). */
import { useEffect, useId, useRef, useState } from 'preact/hooks'
import type { UiMsg } from '../../core/messages'
import { useApp } from '../app-context'
import { untilFromInput } from '../until-time'

export const PRESETS = [25, 50, 90] as const

interface Props {
  busy: boolean
  send: (msg: UiMsg) => Promise<boolean>
  autoFocus: boolean
}

export function StartFocus({ busy, send, autoFocus }: Props) {
  const { i18n, now } = useApp()
  const ids = useId()
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<'missing' | 'too-long' | null>(null)
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (autoFocus) first.current?.focus()
  }, [autoFocus])

  const check = value ? untilFromInput(now(), value) : null
  const hint = problem
    ? i18n.t(problem === 'missing' ? 'popup_untilMissing' : 'popup_untilTooLong')
    : check?.ok && check.tomorrow
      ? i18n.t('popup_untilTomorrow', i18n.time(check.until))
      : ''

  function submit(e: Event) {
    e.preventDefault()
    const result = untilFromInput(now(), value)
    if (!result.ok) {
      setProblem(result.reason)
      return
    }
    setProblem(null)
    void send({ type: 'ui/focus-start', until: result.until })
  }

  return (
    <section class="start" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} class="section-title">
        {i18n.t('popup_startHeading')}
      </h2>
      <div class="presets">
        {PRESETS.map((minutes, i) => (
          <button
            key={minutes}
            ref={i === 0 ? first : undefined}
            type="button"
            class="btn btn-primary"
            disabled={busy}
            onClick={() => void send({ type: 'ui/focus-start', minutes })}
          >
            {i18n.t('popup_focusMinutes', i18n.number(minutes))}
          </button>
        ))}
      </div>
      <form class="until" onSubmit={submit} noValidate>
        <label for={`${ids}-time`}>{i18n.t('popup_untilLabel')}</label>
        <input
          id={`${ids}-time`}
          type="time"
          value={value}
          aria-describedby={`${ids}-hint`}
          aria-invalid={problem !== null}
          onInput={(e) => {
            setValue(e.currentTarget.value)
            setProblem(null)
          }}
        />
        <button
          type="submit"
          class="btn"
          disabled={busy}
          aria-label={i18n.t('popup_untilStartLabel')}
        >
          {i18n.t('popup_untilStart')}
        </button>
        <p id={`${ids}-hint`} class={problem ? 'hint hint-problem' : 'hint'} aria-live="polite">
          {hint}
        </p>
      </form>
    </section>
  )
}
