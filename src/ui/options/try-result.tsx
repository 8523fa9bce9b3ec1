/** What a try decided, in words: the verdict and its reason, who it is from, and the quiet period. */
import type { TryResult } from '../../core/clients/try'
import { useApp } from '../app-context'
import { siteLabel } from '../components/display'
import { explainWhy } from '../components/why'

export function TryResultView({ result, site }: { result: TryResult; site: string }) {
  const { i18n } = useApp()
  const { parsed, who, keyword, quiet, decision, watched } = result
  const label = siteLabel(i18n, site)
  const client = who.client
  const sentence = watched
    ? explainWhy(i18n, {
        why: decision.why,
        verdict: decision.verdict,
        sender: parsed.name,
        client: client?.name,
        tier: client?.tier,
        site: label,
      })
    : i18n.t('tr_unwatched', label)
  const until = quiet && [i18n.day(quiet.until), i18n.time(quiet.until)]
  return (
    <div class={`try-result try-${decision.verdict}`}>
      <p class="try-verdict">{sentence}</p>
      <p class="meta">
        {client
          ? i18n.t('tr_fromClient', parsed.name, client.name, who.via?.value ?? '')
          : i18n.t('tr_fromNobody', parsed.name)}
      </p>
      {who.emergency && <p class="meta">{i18n.t('tr_emergency', who.emergency.value)}</p>}
      {keyword && <p class="meta">{i18n.t('tr_keyword', keyword)}</p>}
      {until && watched && (
        <p class="meta">
          {i18n.t(quiet.kind === 'block' ? 'tr_inBlock' : 'tr_inOffHours', ...until)}
        </p>
      )}
    </div>
  )
}
