/**
 * The numbers behind a chart, as a table. Screen readers always have it; on screen it is hidden
 * until the user presses "Show numbers as a table", so the page stays a page of charts.
 */
import type { ComponentChildren } from 'preact'
import { useId, useState } from 'preact/hooks'
import { useApp } from '../app-context'

interface Props {
  caption: string
  children: ComponentChildren
}

export function NumbersTable({ caption, children }: Props) {
  const { i18n } = useApp()
  const [shown, setShown] = useState(false)
  const id = useId()
  return (
    <div class="in-numbers">
      <button
        type="button"
        class="btn btn-quiet in-numbers-toggle"
        aria-pressed={shown}
        aria-controls={id}
        onClick={() => setShown(!shown)}
      >
        {i18n.t('in_showTable')}
      </button>
      <div id={id} class={shown ? 'table-scroll in-table-wrap' : 'visually-hidden'}>
        <table class="coverage-table in-table">
          <caption class="visually-hidden">{caption}</caption>
          {children}
        </table>
      </div>
    </div>
  )
}
