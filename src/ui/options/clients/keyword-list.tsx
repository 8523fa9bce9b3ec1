/**
 * The urgent keywords as removable chips, a field to add one (Enter adds, rather than submitting
 * the form), and a way back to the defaults in English and Spanish.
 */
import { useState } from 'preact/hooks'
import { DEFAULT_KEYWORDS } from '../../../core/clients/schema'
import { useApp } from '../../app-context'
import { addKeyword, fieldId, type KeywordProblem } from './draft'
import { RuleFieldErrors, useRuleField } from './errors'

const PROBLEM_KEYS = {
  'keyword-empty': 'cl_err_keyword_empty',
  'keyword-too-long': 'cl_err_keyword_too_long',
  'keyword-duplicate': 'cl_err_keyword_duplicate',
} as const

interface Props {
  keywords: readonly string[]
  onChange: (keywords: string[]) => void
}

export function KeywordList({ keywords, onChange }: Props) {
  const { i18n } = useApp()
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<KeywordProblem | null>(null)
  const whole = useRuleField('keywords')
  const inputId = `${whole.id}-new`
  const isDefault =
    keywords.length === DEFAULT_KEYWORDS.length &&
    keywords.every((k, i) => k === DEFAULT_KEYWORDS[i])

  const add = () => {
    const result = addKeyword(keywords, typed)
    if (!result.ok) {
      setProblem(result.code)
      return
    }
    onChange(result.keywords)
    setTyped('')
    setProblem(null)
  }
  const remove = (i: number) => {
    onChange(keywords.filter((_, j) => j !== i))
    setTimeout(() => {
      const chips = document.querySelectorAll<HTMLElement>(`#${whole.id} .chip button`)
      ;(chips[Math.min(i, chips.length - 1)] ?? document.getElementById(inputId))?.focus()
    })
  }

  return (
    <div class="keywords" id={whole.id}>
      {keywords.length === 0 ? (
        <p class="empty">{i18n.t('cl_noKeywords')}</p>
      ) : (
        <ul class="chips">
          {keywords.map((k, i) => (
            <KeywordChip key={k} index={i} word={k} onRemove={() => remove(i)} />
          ))}
        </ul>
      )}
      <RuleFieldErrors field="keywords" />
      <div class="keyword-add">
        <div class="field">
          <label for={inputId}>{i18n.t('cl_newKeyword')}</label>
          <input
            id={inputId}
            type="text"
            value={typed}
            maxLength={60}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${inputId}-err` : undefined}
            onInput={(e) => {
              setTyped(e.currentTarget.value)
              setProblem(null)
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              e.preventDefault()
              add()
            }}
          />
        </div>
        <button type="button" class="btn" onClick={add}>
          {i18n.t('cl_addKeyword')}
        </button>
        <button
          type="button"
          class="btn btn-quiet"
          disabled={isDefault}
          onClick={() => onChange([...DEFAULT_KEYWORDS])}
        >
          {i18n.t('cl_restoreKeywords')}
        </button>
      </div>
      {problem && (
        <p id={`${inputId}-err`} class="field-error">
          {i18n.t(PROBLEM_KEYS[problem])}
        </p>
      )}
    </div>
  )
}

function KeywordChip({
  index,
  word,
  onRemove,
}: {
  index: number
  word: string
  onRemove: () => void
}) {
  const { i18n } = useApp()
  const field = useRuleField(`keywords.${index}`)
  return (
    <li class="chip" id={fieldId(`keywords.${index}`)} aria-describedby={field['aria-describedby']}>
      <span class={field['aria-invalid'] ? 'chip-text chip-invalid' : 'chip-text'}>{word}</span>
      <button
        type="button"
        aria-label={i18n.t('cl_removeKeyword', word)}
        title={i18n.t('cl_removeKeyword', word)}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
      <RuleFieldErrors field={`keywords.${index}`} />
    </li>
  )
}
