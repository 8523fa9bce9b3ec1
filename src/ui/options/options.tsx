/**
 * The options page, in four parts reached from the nav at the top: the schedule (this week, the
 * blocks, working hours, sharing), the clients (who they are and who may interrupt), the sites
 * (which are watched, whether captures arrive, what Margen can't hold), and history and data
 * (retention, exports, settings files, deleting history). The schedule and
 * the clients are separate forms with their own save bars: saving one never sends the other's
 * unsaved edits.
 */
import { useId } from 'preact/hooks'
import { useApp } from '../app-context'
import { ErrorBanner } from '../components/error-banner'
import { Limits } from '../components/limits'
import { SettingsNotice } from '../components/settings-notice'
import { SiteChoice } from '../components/site-choice'
import type { MessageKey } from '../i18n'
import { BlockList } from './block-list'
import { ClientsEditor } from './clients/clients-editor'
import { Coverage } from './coverage'
import { HistoryAndData } from './data/data-part'
import { ErrorSummary, ErrorsContext } from './field-errors'
import { SaveBar } from './save-bar'
import { ShareAvailability } from './share'
import { Suggestions } from './suggestions'
import { TryNotification } from './try-notification'
import { useScheduleDraft } from './use-schedule-draft'
import { WeekView } from './week-view'
import { WorkingHours } from './working-hours'

/** Part ids double as URL fragments (options.html#clients), so other pages can link to a part. */
const PARTS: [id: string, label: MessageKey][] = [
  ['schedule', 'cl_partSchedule'],
  ['clients', 'cl_partClients'],
  ['sites', 'cl_partSites'],
  ['data', 'dt_partData'],
]

export function Options() {
  const { i18n } = useApp()
  const ids = useId()
  return (
    <>
      <header class="bar page-bar">
        <h1 class="page-title">{i18n.t('opt_title')}</h1>
        <p class="page-link">
          <a href="../insights/index.html">{i18n.t('in_pageLink')}</a>
        </p>
        <nav class="part-nav" aria-label={i18n.t('cl_navLabel')}>
          <ul>
            {PARTS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{i18n.t(label)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="page-main">
        <SettingsNotice />
        <section id="schedule" class="part" aria-labelledby={`${ids}-schedule`}>
          <div class="part-head">
            <h2 id={`${ids}-schedule`} class="part-title">
              {i18n.t('cl_partSchedule')}
            </h2>
            <p class="hint">{i18n.t('opt_intro')}</p>
          </div>
          <ScheduleForm />
        </section>
        <section id="clients" class="part" aria-labelledby={`${ids}-clients`}>
          <div class="part-head">
            <h2 id={`${ids}-clients`} class="part-title">
              {i18n.t('cl_partClients')}
            </h2>
            <p class="hint">{i18n.t('cl_partClientsHelp')}</p>
          </div>
          <ClientsEditor />
          <TryNotification />
          <Suggestions />
        </section>
        <section id="sites" class="part" aria-labelledby={`${ids}-sites`}>
          <div class="part-head">
            <h2 id={`${ids}-sites`} class="part-title">
              {i18n.t('cl_partSites')}
            </h2>
          </div>
          <section class="card" aria-labelledby={`${ids}-watched`}>
            <h3 id={`${ids}-watched`} class="card-title">
              {i18n.t('onb_sitesHeading')}
            </h3>
            <SiteChoice />
          </section>
          <Coverage />
          <Limits headingId={`${ids}-limits`} />
        </section>
        <section id="data" class="part" aria-labelledby={`${ids}-data`}>
          <div class="part-head">
            <h2 id={`${ids}-data`} class="part-title">
              {i18n.t('dt_partData')}
            </h2>
            <p class="hint">{i18n.t('dt_partHelp')}</p>
          </div>
          <HistoryAndData />
        </section>
      </main>
    </>
  )
}

/** The schedule part: this week, the blocks, working hours and sharing, with its save bar. */
function ScheduleForm() {
  const { i18n } = useApp()
  const ids = useId()
  const model = useScheduleDraft()
  const { draft, errors } = model

  const submit = async (e: Event) => {
    e.preventDefault()
    const saved = await model.save()
    if (!saved) document.getElementById(`${ids}-summary`)?.focus()
  }

  if (draft === null)
    return model.stored.error !== undefined ? (
      <p class="alert">{i18n.t('opt_readError', String(model.stored.error))}</p>
    ) : (
      <p class="muted">{i18n.t('ui_loading')}</p>
    )

  return (
    <ErrorsContext.Provider value={{ errors, schedule: draft }}>
      <form class="part-form" onSubmit={submit} noValidate>
        <ErrorSummary id={`${ids}-summary`} />
        <ErrorBanner error={model.failure} onDismiss={model.dismissFailure} />
        <section class="card" aria-labelledby={`${ids}-week`}>
          <h3 id={`${ids}-week`} class="card-title">
            {i18n.t('opt_weekHeading')}
          </h3>
          <WeekView schedule={draft} />
        </section>
        <section class="card" aria-labelledby={`${ids}-blocks`}>
          <h3 id={`${ids}-blocks`} class="card-title">
            {i18n.t('opt_blocksHeading')}
          </h3>
          <p class="hint">{i18n.t('opt_blocksHelp')}</p>
          <BlockList
            blocks={draft.blocks}
            onChange={(blocks) => model.edit({ ...draft, blocks })}
          />
        </section>
        <section class="card" aria-labelledby={`${ids}-hours`}>
          <h3 id={`${ids}-hours`} class="card-title">
            {i18n.t('opt_hoursHeading')}
          </h3>
          <WorkingHours schedule={draft} onChange={model.edit} />
        </section>
        <SaveBar
          label={i18n.t('opt_save')}
          status={model.status}
          dirty={model.dirty}
          errors={errors.length}
        />
        <section class="card" aria-labelledby={`${ids}-share`}>
          <h3 id={`${ids}-share`} class="card-title">
            {i18n.t('opt_shareHeading')}
          </h3>
          <p class="hint">{i18n.t('opt_shareHelp')}</p>
          <ShareAvailability schedule={draft} />
        </section>
      </form>
    </ErrorsContext.Provider>
  )
}
