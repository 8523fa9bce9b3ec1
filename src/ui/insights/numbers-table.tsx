/**
 * The numbers behind a chart, as a table: a header row of numeric columns, then one row per
 * line of the chart, its label first. Screen readers always have it; on screen it is hidden
 * until the user presses "Show numbers as a table", so the page stays a page of charts.
 */
import { useId, useState } from 'preact/hooks'
import { useApp } from '../app-context'

/** A header or row label; `name` is its accessible name where the label is abbreviated. */
export interface Cell {
  label: string
  name?: string
}

export interface NumbersRow extends Cell {
  key: string | number
  values: readonly number[]
}

interface Props {
  caption: string
  /** The first column's header ('' for none, as above row labels that say it themselves). */
  corner: string
  columns: readonly Cell[]
  rows: readonly NumbersRow[]
}

export function NumbersTable({ caption, corner, columns, rows }: Props) {
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
          <thead>
            <tr>
              {corner ? <th scope="col">{corner}</th> : <td />}
              {columns.map((c, i) => (
                <th key={i} scope="col" class="num" aria-label={c.name}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" aria-label={r.name}>
                  {r.label}
                </th>
                {r.values.map((v, i) => (
                  <td key={i} class="num">
                    {i18n.number(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
