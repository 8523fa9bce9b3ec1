/**
 * The four kinds of rows of the review list: a client's (or unknown sender's) header and a
 * conversation's header here; a collapsed burst and one message in message-rows.tsx.
 */
import { groupItems, type ReviewRow } from '../../core/review/rows'
import type { CaptureRow } from '../../store/db'
import { useApp } from '../app-context'
import { siteLabel } from '../components/display'
import { BurstRow, ItemRow } from './message-rows'
import { Dot, Due } from './row-parts'
import type { Explain } from './use-explain'
import type { Mode } from './use-review-data'

export type Row = ReviewRow<CaptureRow>
export type RowAction = 'open' | 'done' | 'groupDone' | 'snooze' | 'notUrgent' | 'toggle'

export interface RowCtx {
  now: number
  mode: Mode
  explain: Explain
  act: (action: RowAction, row: Row) => void
}

export function RowView({ row, ctx }: { row: Row; ctx: RowCtx }) {
  switch (row.kind) {
    case 'group':
      return <GroupRow row={row} ctx={ctx} />
    case 'conversation':
      return <ConversationRow row={row} ctx={ctx} />
    case 'burst':
      return <BurstRow row={row} ctx={ctx} />
    case 'item':
      return <ItemRow row={row} ctx={ctx} />
  }
}

function GroupRow({ row, ctx }: { row: Extract<Row, { kind: 'group' }>; ctx: RowCtx }) {
  const { i18n } = useApp()
  const g = row.group
  const sites = new Set(g.conversations.map((c) => c.site))
  const items = groupItems(g)
  const flood = items.some((c) => c.flood)
  return (
    <div class={`rq-group rq-${g.kind}`}>
      {g.colour && <span class="rq-swatch" style={{ background: g.colour }} aria-hidden="true" />}
      <div class="rq-text">
        <h2 class="rq-group-name">
          {g.name}
          {g.kind === 'sender' && ' '}
          {g.kind === 'sender' && (
            <span class="rq-tag">{i18n.t(flood ? 'rq_floodTag' : 'rq_unknownSender')}</span>
          )}
        </h2>
        <p class="meta">
          {i18n.tp('ui_count', g.count)}
          <Dot />
          {sites.size === 1
            ? siteLabel(i18n, g.conversations[0]?.site ?? '')
            : i18n.tp('rq_conversations', g.conversations.length)}
          {ctx.mode === 'waiting' && g.replyDue !== null && <Dot />}
          {ctx.mode === 'waiting' && <Due at={g.replyDue} now={ctx.now} />}
        </p>
      </div>
      <div class="review-actions">
        <button
          type="button"
          class="btn btn-quiet"
          aria-label={i18n.t('review_markAllDoneLabel', g.name)}
          onClick={() => ctx.act('done', row)}
        >
          {i18n.t('review_markAllDone')}
        </button>
        {ctx.mode === 'waiting' && (
          <button
            type="button"
            class="btn btn-quiet"
            aria-label={i18n.t('rq_snoozeAllLabel', g.name)}
            onClick={() => ctx.act('snooze', row)}
          >
            {i18n.t('rq_snoozeAll')}
          </button>
        )}
      </div>
    </div>
  )
}

function ConversationRow({
  row,
  ctx,
}: {
  row: Extract<Row, { kind: 'conversation' }>
  ctx: RowCtx
}) {
  const { i18n } = useApp()
  const c = row.conv
  return (
    <div class="rq-conv">
      <h3 class="rq-conv-name">{c.name}</h3>
      <p class="meta">
        {siteLabel(i18n, c.site)}
        <Dot />
        {i18n.tp('rq_messages', c.count)}
        {ctx.mode === 'waiting' && c.replyDue !== null && <Dot />}
        {ctx.mode === 'waiting' && <Due at={c.replyDue} now={ctx.now} />}
      </p>
    </div>
  )
}
