/** The options page: this week, the blocks, working hours, sharing, and what Margen can't hold. */
import { useId } from 'preact/hooks'
import { useApp } from '../app-context'
import { ErrorBanner } from '../components/error-banner'
import { Limits } from '../components/limits'
import { SiteChoice } from '../components/site-choice'
import { BlockList } from './block-list'
import { ErrorSummary, ErrorsContext } from './field-errors'
import { SaveBar } from './save-bar'
import { ShareAvailability } from './share'
import { useScheduleDraft } from './use-schedule-draft'
import { WeekView } from './week-view'
import { WorkingHours } from './working-hours'

export function Options() {
  const { i18n } = useApp()
  const ids = useId()
  const model = useScheduleDraft()
  const { draft, errors } = model

  const submit = async (e: Event) => {
    e.preventDefault()
    const saved = await model.save()
    if (!saved) document.getElementById(`${ids}-summary`)?.focus()
  }

  return (
    <>
      <header class="bar page-bar">
        <h1 class="page-title">{i18n.t('opt_heading')}</h1>
        <p class="state">{i18n.t('opt_intro')}</p>
      </header>
      {draft === null ? (
        <main class="page-main">
          {model.stored.error !== undefined ? (
            <p class="alert">{i18n.t('opt_readError', String(model.stored.error))}</p>
          ) : (
            <p class="muted">{i18n.t('ui_loading')}</p>
          )}
        </main>
      ) : (
        <ErrorsContext.Provider value={{ errors, schedule: draft }}>
          <form class="page-main" onSubmit={submit} noValidate>
            <ErrorSummary id={`${ids}-summary`} />
            <ErrorBanner error={model.failure} onDismiss={model.dismissFailure} />
            <section class="card" aria-labelledby={`${ids}-week`}>
              <h2 id={`${ids}-week`} class="card-title">
                {i18n.t('opt_weekHeading')}
              </h2>
              <WeekView schedule={draft} />
            </section>
            <section class="card" aria-labelledby={`${ids}-blocks`}>
              <h2 id={`${ids}-blocks`} class="card-title">
                {i18n.t('opt_blocksHeading')}
              </h2>
              <p class="hint">{i18n.t('opt_blocksHelp')}</p>
              <BlockList
                blocks={draft.blocks}
                onChange={(blocks) => model.edit({ ...draft, blocks })}
              />
            </section>
            <section class="card" aria-labelledby={`${ids}-hours`}>
              <h2 id={`${ids}-hours`} class="card-title">
                {i18n.t('opt_hoursHeading')}
              </h2>
              <WorkingHours schedule={draft} onChange={model.edit} />
            </section>
            <SaveBar status={model.status} dirty={model.dirty} errors={errors.length} />
            <section class="card" aria-labelledby={`${ids}-share`}>
              <h2 id={`${ids}-share`} class="card-title">
                {i18n.t('opt_shareHeading')}
              </h2>
              <p class="hint">{i18n.t('opt_shareHelp')}</p>
              <ShareAvailability schedule={draft} />
            </section>
            <section class="card" aria-labelledby={`${ids}-sites`}>
              <h2 id={`${ids}-sites`} class="card-title">
                {i18n.t('onb_sitesHeading')}
              </h2>
              <SiteChoice />
            </section>
            <Limits headingId={`${ids}-limits`} />
          </form>
        </ErrorsContext.Provider>
      )}
    </>
  )
}
