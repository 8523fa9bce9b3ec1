/**
 * One sender's held items on the review page, with Open / Mark done each and Mark all done. Each
 * item says why it was held; one with an urgent keyword is marked, and can be judged "not urgent".
 */
import type { UiMsg } from '../../core/messages'
import type { CaptureRow } from '../../store/db'
import { useApp } from '../app-context'
import { captureText, siteLabel } from '../components/display'
import { TimeAt } from '../components/time-at'
import type { SenderGroup } from '../data/group'
import { NotUrgentButton } from './not-urgent'
import type { Explain } from './use-explain'

interface Props {
  group: SenderGroup
  headingId: string
  busy: boolean
  send: (msg: UiMsg, focusNext?: string) => void
  /** Where keyboard focus goes once this group's items are gone: the next group's heading. */
  nextFocus: string | undefined
  explain: Explain
}

export function SenderBlock({ group, headingId, busy, send, nextFocus, explain }: Props) {
  const { i18n } = useApp()
  const ids = group.items.map((c) => c.id)
  return (
    <section class="sender-block" aria-labelledby={headingId}>
      <div class="sender-head">
        <h3 id={headingId} class="sender-title" tabIndex={-1} data-focus={`g:${group.key}`}>
          <span class="sender">{group.sender}</span>
          <span class="meta">
            {i18n.t('ui_siteCount', siteLabel(i18n, group.site), i18n.tp('ui_count', group.count))}
          </span>
        </h3>
        <button
          type="button"
          class="btn btn-quiet"
          disabled={busy}
          aria-label={i18n.t('review_markAllDoneLabel', group.sender)}
          onClick={() => send({ type: 'ui/mark-done', ids }, nextFocus)}
        >
          {i18n.t('review_markAllDone')}
        </button>
      </div>
      <ul class="review-items">
        {group.items.map((item, i) => (
          <ReviewItem
            key={item.id}
            item={item}
            busy={busy}
            send={send}
            explain={explain}
            // After "Mark done", focus moves to the next item, else the previous, else onwards.
            nextFocus={focusKeyOf(group.items[i + 1] ?? group.items[i - 1]) ?? nextFocus}
          />
        ))}
      </ul>
    </section>
  )
}

const focusKeyOf = (row: CaptureRow | undefined) => (row ? `c:${row.id}` : undefined)

interface ItemProps {
  item: CaptureRow
  busy: boolean
  send: Props['send']
  nextFocus: string | undefined
  explain: Explain
}

function ReviewItem({ item, busy, send, nextFocus, explain }: ItemProps) {
  const { i18n } = useApp()
  const text = captureText(i18n, item)
  return (
    <li class="review-item">
      <div class="review-text">
        <TimeAt class="item-time" ms={item.at} />
        <p class="item-title">
          {item.keyword && (
            <>
              <span class="urgent-mark" title={i18n.t('rv_urgentTitle', item.keyword)}>
                {i18n.t('rv_urgent')}
              </span>{' '}
            </>
          )}
          {text.title}
        </p>
        {text.body && <p class="item-body">{text.body}</p>}
        <p class="item-why">{explain(item)}</p>
      </div>
      <div class="review-actions">
        <button
          type="button"
          class="btn btn-primary"
          data-focus={`c:${item.id}`}
          aria-label={i18n.t('review_openLabel', text.label)}
          onClick={() => send({ type: 'ui/open-capture', id: item.id })}
        >
          {i18n.t('review_open')}
        </button>
        <button
          type="button"
          class="btn"
          disabled={busy}
          aria-label={i18n.t('review_markDoneLabel', text.label)}
          onClick={() => send({ type: 'ui/mark-done', ids: [item.id] }, nextFocus)}
        >
          {i18n.t('review_markDone')}
        </button>
        {item.keyword && <NotUrgentButton item={item} label={text.label} busy={busy} send={send} />}
      </div>
    </li>
  )
}
