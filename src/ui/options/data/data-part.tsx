/**
 * The options page's "History and data" part: where the data lives (only here), how long it is
 * kept, exporting it, the settings file, and deleting it all.
 */
import { useId } from 'preact/hooks'
import { useApp } from '../../app-context'
import { DeleteHistory } from './delete-history'
import type { SaveFile } from './download'
import { ExportHistory } from './export-history'
import { HistoryForm } from './history-form'
import { SettingsFile } from './settings-file'

export function HistoryAndData({ save }: { save?: SaveFile }) {
  const { i18n } = useApp()
  const ids = useId()
  const card = (key: string, title: string, body: preact.ComponentChildren, help?: string) => (
    <section class="card" aria-labelledby={`${ids}-${key}`}>
      <h3 id={`${ids}-${key}`} class="card-title">
        {title}
      </h3>
      {help && <p class="hint">{help}</p>}
      {body}
    </section>
  )
  return (
    <>
      <section class="card data-local" aria-labelledby={`${ids}-local`}>
        <h3 id={`${ids}-local`} class="card-title">
          {i18n.t('dt_localHeading')}
        </h3>
        <p>{i18n.t('dt_localText')}</p>
      </section>
      {card('history', i18n.t('dt_historyHeading'), <HistoryForm />)}
      {card(
        'export',
        i18n.t('dt_exportHeading'),
        <ExportHistory save={save} />,
        i18n.t('dt_exportHelp'),
      )}
      {card(
        'settings',
        i18n.t('dt_settingsHeading'),
        <SettingsFile save={save} />,
        i18n.t('dt_settingsHelp'),
      )}
      {card('delete', i18n.t('dt_deleteHeading'), <DeleteHistory />, i18n.t('dt_deleteHelp'))}
    </>
  )
}
