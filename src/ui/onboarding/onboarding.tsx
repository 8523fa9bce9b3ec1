/** First run: what Margen does, the sites it watches, a first block, and its limits. */
import { useId } from 'preact/hooks'
import { useApp } from '../app-context'
import { Limits } from '../components/limits'
import { SiteChoice } from '../components/site-choice'
import { FirstBlock } from './first-block'

interface Props {
  openOptions: () => void
  finish: () => void
}

export function Onboarding({ openOptions, finish }: Props) {
  const { i18n } = useApp()
  const ids = useId()
  return (
    <>
      <header class="bar page-bar">
        <h1 class="page-title">{i18n.t('onb_heading')}</h1>
        <p class="state">{i18n.t('onb_intro')}</p>
      </header>
      <main class="page-main">
        <section class="card" aria-labelledby={`${ids}-steps`}>
          <h2 id={`${ids}-steps`} class="card-title">
            {i18n.t('onb_stepsHeading')}
          </h2>
          <ol class="steps">
            <li>{i18n.t('onb_step1')}</li>
            <li>{i18n.t('onb_step2')}</li>
            <li>{i18n.t('onb_step3')}</li>
          </ol>
        </section>
        <section class="card" aria-labelledby={`${ids}-block`}>
          <h2 id={`${ids}-block`} class="card-title">
            {i18n.t('onb_blockHeading')}
          </h2>
          <p class="hint">{i18n.t('onb_blockHelp')}</p>
          <FirstBlock summaryId={`${ids}-summary`} />
        </section>
        <section class="card" aria-labelledby={`${ids}-sites`}>
          <h2 id={`${ids}-sites`} class="card-title">
            {i18n.t('onb_sitesHeading')}
          </h2>
          <SiteChoice />
          <h3 class="limits-sub">{i18n.t('onb_reloadHeading')}</h3>
          <p>{i18n.t('onb_reload')}</p>
        </section>
        <Limits headingId={`${ids}-limits`} />
        <div class="actions">
          <button type="button" class="btn" onClick={openOptions}>
            {i18n.t('onb_openOptions')}
          </button>
          <button type="button" class="btn btn-primary" onClick={finish}>
            {i18n.t('onb_finish')}
          </button>
        </div>
      </main>
    </>
  )
}
