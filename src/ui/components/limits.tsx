/** What Margen can and cannot hold (DESIGN.md, "Known limits"), for the options and onboarding pages. */
import { useApp } from '../app-context'

export function Limits({ headingId }: { headingId: string }) {
  const { i18n } = useApp()
  return (
    <section class="card limits" aria-labelledby={headingId}>
      <h2 id={headingId} class="card-title">
        {i18n.t('lim_heading')}
      </h2>
      <h3 class="limits-sub">{i18n.t('lim_canHeading')}</h3>
      <ul class="bullets">
        <li>{i18n.t('lim_can_pages')}</li>
        <li>{i18n.t('lim_can_frames')}</li>
        <li>{i18n.t('lim_can_digest')}</li>
      </ul>
      <h3 class="limits-sub">{i18n.t('lim_cannotHeading')}</h3>
      <ul class="bullets">
        <li>{i18n.t('lim_cannot_push')}</li>
        <li>{i18n.t('lim_cannot_apps')}</li>
        <li>{i18n.t('lim_cannot_closed')}</li>
      </ul>
      <p class="hint">{i18n.t('lim_advice')}</p>
      <p class="privacy">{i18n.t('lim_privacy')}</p>
    </section>
  )
}
