/** The rows read from a CSV, each with what stops it from being imported (or "Ready"). */
import type { ContactRow, ContactsCsv } from '../../../core/clients/contacts-csv'
import { blockingErrors } from '../../../core/clients/contacts-csv'
import { useApp } from '../../app-context'
import type { I18n } from '../../i18n'

const PROBLEM_KEYS = {
  'name-missing': 'cl_rowErr_name_missing',
  'name-too-long': 'cl_rowErr_name_too_long',
  'email-missing': 'cl_rowErr_email_missing',
  'email-invalid': 'cl_rowErr_email_invalid',
  'email-duplicate': 'cl_rowErr_email_duplicate',
  'email-taken': 'cl_rowErr_email_taken',
} as const

/** What stops a row, in words; a duplicate names the line, a taken address its client. */
function rowProblems(i18n: I18n, row: ContactRow, mode: 'each' | 'one'): string[] {
  return blockingErrors(row, mode).map((e) =>
    e === 'email-duplicate'
      ? i18n.t(PROBLEM_KEYS[e], row.firstLine ?? '')
      : e === 'email-taken'
        ? i18n.t(PROBLEM_KEYS[e], row.takenBy ?? '')
        : i18n.t(PROBLEM_KEYS[e]),
  )
}

interface Props {
  csv: ContactsCsv
  mode: 'each' | 'one'
  ready: number
  max: number
}

export function CsvPreview({ csv, mode, ready, max }: Props) {
  const { i18n } = useApp()
  if (csv.rows.length === 0) return <p class="empty">{i18n.t('cl_importEmpty')}</p>
  const problems = csv.rows.length - ready
  return (
    <div class="csv-preview">
      <p class="csv-summary">
        {i18n.tp('cl_importReady', ready)}
        {problems > 0 && ` ${i18n.tp('cl_importProblems', problems)}`}
      </p>
      {csv.more && <p class="hint hint-problem">{i18n.t('cl_importMore', i18n.number(max))}</p>}
      {csv.unclosedQuoteAt > 0 && (
        <p class="hint hint-problem">{i18n.t('cl_importUnclosed', csv.unclosedQuoteAt)}</p>
      )}
      {/* Scrolls on its own; focusable so the keyboard can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus */}
      <section class="csv-scroll" tabIndex={0} aria-label={i18n.t('cl_importTable')}>
        <table class="csv-table">
          <caption class="visually-hidden">{i18n.t('cl_importTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('cl_colLine')}</th>
              <th scope="col">{i18n.t('cl_colName')}</th>
              <th scope="col">{i18n.t('cl_colEmail')}</th>
              <th scope="col">{i18n.t('cl_colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {csv.rows.map((row) => {
              const wrong = rowProblems(i18n, row, mode)
              return (
                <tr key={row.line} class={wrong.length > 0 ? 'csv-bad' : undefined}>
                  <td class="csv-line">{row.line}</td>
                  <td>{row.name}</td>
                  <td>{row.email}</td>
                  <td>{wrong.length > 0 ? wrong.join(' · ') : i18n.t('cl_rowOk')}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </div>
  )
}
