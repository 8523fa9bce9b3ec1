/**
 * The review list: the flat rows in a virtual list, a keyboard cursor over them (one row is
 * "active": it has the page's tab stop, a visible marker, and the shortcuts act on it), and the
 * actions of the rows' buttons and of the shortcuts, which are the same.
 *
 * When rows go away (marked done, snoozed) the cursor moves to the next row that is left
 * (core/review/cursor), and if focus was in the list, or was dropped with the row, it follows.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import { cursorAfterChange, moveCursor } from '../../core/review/cursor'
import type { ShortcutAction } from '../../core/review/keys'
import { groupItems, idsOf, notUrgentChange, openTarget, rowItems } from '../../core/review/rows'
import { type Reveal, VirtualList } from '../components/virtual-list'
import { type Row, type RowAction, type RowCtx, RowView } from './review-rows'
import type { Explain } from './use-explain'
import type { ReviewActions } from './use-review-actions'
import type { Mode } from './use-review-data'
import { useShortcuts } from './use-shortcuts'

interface Props {
  rows: Row[]
  mode: Mode
  now: number
  explain: Explain
  actions: ReviewActions
  label: string
  onToggle: (burstKey: string) => void
  onHelp: () => void
  onFilters: () => void
  topInset: () => number
}

/** First guesses of row heights (px), by kind, as measured in Chrome at 1280 px wide; each row is
 * measured once rendered. Close guesses keep the scrollbar steady and save a second layout. */
const ESTIMATE: Record<Row['kind'], number> = { group: 78, conversation: 37, burst: 83, item: 60 }

export function ReviewList(props: Props) {
  const { rows, mode, actions, onToggle } = props
  const listBox = useRef<HTMLDivElement>(null)
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [reveal, setReveal] = useState<Reveal | null>(null)
  const index = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows])
  const active = activeKey === null ? -1 : (index.get(activeKey) ?? -1)

  // Rows changed: keep the cursor on its row, or move it to the next one left.
  const prev = useRef({ rows, active })
  const focusNext = useRef<string | null>(null)
  useLayoutEffect(() => {
    const p = prev.current
    if (p.rows !== rows && activeKey !== null && !index.has(activeKey)) {
      const keys = rows.map((r) => r.key)
      const oldKeys = p.rows.map((r) => r.key)
      const next = keys[cursorAfterChange(oldKeys, p.active, keys)] ?? null
      setActiveKey(next)
      const focused = document.activeElement
      const dropped = !focused || focused === document.body || !focused.isConnected
      if (next !== null && (dropped || listBox.current?.contains(focused))) focusNext.current = next
    }
    prev.current = { rows, active }
  })
  useLayoutEffect(() => {
    if (focusNext.current === null || focusNext.current !== activeKey || active < 0) return
    focusNext.current = null
    setReveal({ index: active, focus: true })
  }, [activeKey, active])

  const moveTo = (i: number) => {
    const row = rows[i]
    if (!row) return
    setActiveKey(row.key)
    setReveal({ index: i, focus: true })
  }

  const act = (action: RowAction, row: Row) => {
    switch (action) {
      case 'open': {
        const target = openTarget(row)
        if (target) void actions.open(target.id)
        return
      }
      case 'done':
        void actions.done(idsOf(rowItems(row)))
        return
      case 'groupDone':
        void actions.done(idsOf(groupItems(row.group)))
        return
      case 'snooze':
        if (mode === 'waiting') void actions.snooze(idsOf(rowItems(row)))
        return
      case 'notUrgent': {
        const change = row.kind === 'group' ? null : notUrgentChange(rowItems(row))
        if (change) void actions.notUrgent(change)
        return
      }
      case 'toggle':
        if (row.kind === 'burst') onToggle(row.burst.key)
        else if (row.kind === 'item' && row.burst) {
          // Collapsing from inside a burst: the cursor goes to the burst's own row.
          onToggle(row.burst.key)
          setActiveKey(row.burst.key)
          focusNext.current = row.burst.key
        }
    }
  }

  const run = (action: ShortcutAction) => {
    const row = rows[active]
    switch (action) {
      case 'next':
      case 'prev':
      case 'first':
      case 'last':
        return moveTo(moveCursor(active, rows.length, action))
      case 'help':
        return props.onHelp()
      case 'filters':
        return props.onFilters()
      case 'expand':
        if (row?.kind === 'burst' && !row.expanded) act('toggle', row)
        return
      case 'collapse':
        if ((row?.kind === 'burst' && row.expanded) || (row?.kind === 'item' && row.burst))
          act('toggle', row)
        return
      default:
        if (row) act(action, row)
    }
  }
  useShortcuts(listBox, run)

  const keyOf = useCallback((i: number) => (rows[i] as Row).key, [rows])
  const estimate = useCallback((i: number) => ESTIMATE[(rows[i] as Row).kind], [rows])
  const ctx: RowCtx = { now: props.now, mode, explain: props.explain, act }
  const stop = Math.max(active, 0)

  if (rows.length === 0) return <div ref={listBox} />
  return (
    <div ref={listBox} class="rq-list-box">
      <VirtualList
        count={rows.length}
        keyOf={keyOf}
        estimate={estimate}
        label={props.label}
        class="rq-list"
        active={active}
        reveal={reveal}
        topInset={props.topInset}
        rowAttrs={(i) => ({
          class: `rq-row rq-row-${(rows[i] as Row).kind}${i === active ? ' rq-active' : ''}`,
          tabIndex: i === stop ? 0 : -1,
          'aria-current': i === active ? 'true' : undefined,
          onFocusIn: () => setActiveKey((rows[i] as Row).key),
        })}
        renderRow={(i) => <RowView row={rows[i] as Row} ctx={ctx} />}
      />
    </div>
  )
}
