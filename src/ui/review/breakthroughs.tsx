/**
 * What got through during quiet periods, on the review page: of the block shown, or of the last
 * 7 days. Each item says which rule let it through, and can be marked "not urgent": looking back
 * at what interrupted is how the user spots the client for whom everything is urgent.
 */
import type { UiMsg } from '../../core/messages'
import { useApp } from '../app-context'
import { captureText, siteLabel } from '../components/display'
import { Msg } from '../components/msg'
import { TimeAt } from '../components/time-at'
import { useLiveQuery } from '../hooks/use-live-query'
import { breakthroughs } from './breakthrough-query'
import { NotUrgentButton } from './not-urgent'
import type { Explain } from './use-explain'

interface Props {
  /** The block shown alone, or null for the last 7 days. */
  session: string | null
  explain: Explain
  busy: boolean
  send: (msg: UiMsg) => void
}

export function Breakthroughs({ session, explain, busy, send }: Props) {
  const { db, i18n, now } = useApp()
  const rows = useLiveQuery(() => breakthroughs(db, session, now()), [db, session])
  if (!rows.value || rows.value.length === 0) return null
  return (
    <section class="session breakthroughs" aria-labelledby="breakthroughs-h">
      <h2 id="breakthroughs-h" class="session-title">
        {i18n.t(session === null ? 'rv_breakthroughsWeek' : 'rv_breakthroughsSession')}{' '}
        <span class="session-count">{i18n.number(rows.value.length)}</span>
      </h2>
      <p class="hint">{i18n.t('rv_breakthroughsHelp')}</p>
      <ul class="sender-block review-items">
        {rows.value.map((row) => {
          const text = captureText(i18n, row)
          return (
            <li key={row.id} class="review-item">
              <div class="review-text">
                <p class="item-who">
                  <span class="sender">{row.sender}</span>{' '}
                  <span class="meta">
                    {siteLabel(i18n, row.site)} ·{' '}
                    {session === null ? (
                      <Msg
                        k="cov_lastWhen"
                        subs={[i18n.day(row.at), <TimeAt key="t" ms={row.at} />]}
                      />
                    ) : (
                      <TimeAt ms={row.at} />
                    )}
                  </span>
                </p>
                <p class="item-title">{text.title}</p>
                {text.body && <p class="item-body">{text.body}</p>}
                <p class="item-why">{explain(row)}</p>
              </div>
              <div class="review-actions">
                <NotUrgentButton item={row} label={text.label} busy={busy} send={send} />
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
