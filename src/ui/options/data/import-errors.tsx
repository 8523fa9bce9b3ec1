/**
 * Every problem of a refused settings file: where (the block, the client), what, in the user's
 * language, and the path in the file for whoever edits it by hand. It takes focus when it
 * appears, so a screen reader hears the count at once.
 */
import { useEffect, useId, useMemo, useRef } from 'preact/hooks'
import type { ImportError } from '../../../core/settings-import'
import { useApp } from '../../app-context'
import { englishDetail, importContext, importErrorWords } from './import-error-text'

interface Props {
  file: string
  errors: readonly ImportError[]
  /** The parsed file, for the names the errors mention; null when it was not JSON. */
  raw: unknown
}

export function ImportErrors({ file, errors, raw }: Props) {
  const { i18n } = useApp()
  const id = useId()
  const box = useRef<HTMLElement>(null)
  const ctx = useMemo(() => importContext(raw), [raw])
  useEffect(() => box.current?.focus(), [errors])

  return (
    <section
      ref={box}
      class="error-summary import-errors"
      tabIndex={-1}
      aria-labelledby={`${id}-h`}
    >
      <h4 id={`${id}-h`}>{i18n.tp('dt_importRefused', errors.length, file)}</h4>
      <ul>
        {errors.map((e) => {
          const words = importErrorWords(i18n, e, ctx)
          const detail = englishDetail(e)
          return (
            <li key={`${e.path}\n${e.code}\n${e.message}`}>
              {words.where && <strong>{words.where}: </strong>}
              {words.text}
              {e.path && (
                <>
                  {' '}
                  <code class="import-path">{e.path}</code>
                </>
              )}
              {detail && (
                <span class="import-detail" lang="en">
                  {' '}
                  ({detail})
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
