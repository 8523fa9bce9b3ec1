/**
 * The review's message rows: a collapsed burst (one line for several messages in a row, with a
 * toggle to show them) and one message, each with its actions. Buttons name what they act on
 * (their accessible names carry the text), since a screen reader user hears them out of the row.
 */
import { replyDueAt } from '../../core/review/group'
import { isClaimedUrgent, openTarget } from '../../core/review/rows'
import type { CaptureRow } from '../../store/db'
import { useApp } from '../app-context'
import { siteLabel } from '../components/display'
import { itemText } from './item-text'
import { NotUrgentButton } from './not-urgent'
import type { Row, RowCtx } from './review-rows'
import { BackAt, Dot, Due } from './row-parts'
import { whenText } from './when'

export function BurstRow({ row, ctx }: { row: Extract<Row, { kind: 'burst' }>; ctx: RowCtx }) {
  const { i18n } = useApp()
  const b = row.burst
  const latest = openTarget(row) as CaptureRow
  const urgent = b.items.find((i) => i.keyword !== '')
  const summary = i18n.t(
    'rq_burst',
    b.sender,
    i18n.tp('rq_messages', b.items.length),
    whenText(i18n, b.first, ctx.now),
    i18n.time(b.last),
  )
  const hours = row.group.responseHours
  return (
    <div class="rq-burst">
      <div class="rq-text">
        <button
          type="button"
          class="rq-toggle"
          aria-expanded={row.expanded}
          onClick={() => ctx.act('toggle', row)}
        >
          <span class="chevron" aria-hidden="true" />
          <span class="rq-burst-sum">{summary}</span>
        </button>
        <p class="rq-snippet">
          {/* An urgent keyword in any of them shows while collapsed, not only once opened. */}
          {urgent && (
            <>
              <span class="urgent-mark" title={i18n.t('rv_urgentTitle', urgent.keyword)}>
                {i18n.t('rv_urgent')}
              </span>{' '}
            </>
          )}
          {itemText(i18n, latest).title}
        </p>
        <p class="meta">
          {siteLabel(i18n, b.site)}
          {ctx.mode === 'waiting' && hours !== null && <Dot />}
          {ctx.mode === 'waiting' && <Due at={replyDueAt(b.first, hours)} now={ctx.now} />}
          {ctx.mode === 'snoozed' && <Dot />}
          {ctx.mode === 'snoozed' && <BackAt items={b.items} now={ctx.now} />}
        </p>
      </div>
      <Actions row={row} ctx={ctx} label={summary} />
    </div>
  )
}

export function ItemRow({ row, ctx }: { row: Extract<Row, { kind: 'item' }>; ctx: RowCtx }) {
  const { i18n } = useApp()
  const item = row.item
  const text = itemText(i18n, item)
  const hours = row.group.responseHours
  return (
    <div class={row.burst ? 'rq-item rq-in-burst' : 'rq-item'}>
      <div class="rq-text">
        <p class="rq-line">
          <time class="item-time" dateTime={new Date(item.at).toISOString()}>
            {whenText(i18n, item.at, ctx.now)}
          </time>{' '}
          {!row.conv.direct && <span class="sender">{item.sender} </span>}
          {item.keyword && (
            <span class="urgent-mark" title={i18n.t('rv_urgentTitle', item.keyword)}>
              {i18n.t('rv_urgent')}
            </span>
          )}{' '}
          <span class="item-title">{text.title}</span>
        </p>
        {text.body && <p class="item-body">{text.body}</p>}
        <p class="meta">
          {siteLabel(i18n, item.site)}
          {ctx.mode === 'waiting' && hours !== null && <Dot />}
          {ctx.mode === 'waiting' && <Due at={replyDueAt(item.at, hours)} now={ctx.now} />}
          {ctx.mode === 'snoozed' && <Dot />}
          {ctx.mode === 'snoozed' && <BackAt items={[item]} now={ctx.now} />}
          <Dot />
          <span class="item-why">{ctx.explain(item)}</span>
        </p>
      </div>
      <Actions row={row} ctx={ctx} label={text.label} />
    </div>
  )
}

/** Open, Mark done, Snooze, and Not urgent for a claimed urgency. */
function Actions({ row, ctx, label }: { row: Row; ctx: RowCtx; label: string }) {
  const { i18n } = useApp()
  return (
    <div class="review-actions">
      <button
        type="button"
        class="btn btn-primary"
        aria-label={i18n.t('review_openLabel', label)}
        onClick={() => ctx.act('open', row)}
      >
        {i18n.t('review_open')}
      </button>
      <button
        type="button"
        class="btn"
        aria-label={i18n.t('review_markDoneLabel', label)}
        onClick={() => ctx.act('done', row)}
      >
        {i18n.t('review_markDone')}
      </button>
      {ctx.mode === 'waiting' && (
        <button
          type="button"
          class="btn"
          aria-label={i18n.t('rq_snoozeLabel', label)}
          onClick={() => ctx.act('snooze', row)}
        >
          {i18n.t('rq_snooze')}
        </button>
      )}
      {row.kind === 'item' && isClaimedUrgent(row.item) && (
        <NotUrgentButton
          item={row.item}
          label={label}
          busy={false}
          send={() => ctx.act('notUrgent', row)}
        />
      )}
    </div>
  )
}
