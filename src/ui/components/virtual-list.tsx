/**
 * A list that renders only the rows in (and near) the window's view, so that 10,000 rows cost
 * what 30 do. The page scrolls as usual (the window, not a box inside it); the list takes its
 * full height, and each rendered row sits at its offset.
 *
 * Rows may differ in height: each starts at its estimate, is measured once rendered (after each
 * render, and again by a ResizeObserver when its size changes), and keeps that height by key.
 *
 * For screen readers it is a list (ul; Chrome drops the implicit list role only for a
 * `list-style: none` list inside a nav, not here) whose items say their position in the whole (aria-setsize,
 * aria-posinset), not just among the rendered ones. The `active` row (the keyboard cursor) is
 * always rendered, so it keeps focus when scrolled away; `reveal` scrolls it into view, below a
 * sticky bar `topInset()` pixels high, and focuses it.
 */
import type { ComponentChild, HTMLAttributes } from 'preact'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'

export interface Reveal {
  index: number
  focus: boolean
}

interface Props {
  count: number
  keyOf: (index: number) => string
  /** A first guess of a row's height in px, before it is measured. */
  estimate: (index: number) => number
  renderRow: (index: number) => ComponentChild
  /** Attributes of the row's own list item (class, tabIndex, handlers…). */
  rowAttrs?: (index: number) => HTMLAttributes<HTMLLIElement>
  label: string
  class?: string
  /** Rendered beyond the view on each side, in px, so that fast scrolling shows no gap. */
  overscan?: number
  active?: number
  /** A new object scrolls row `index` into view (and focuses it if asked). */
  reveal?: Reveal | null
  /** Height covered at the top of the window (a sticky bar), in px. */
  topInset?: () => number
}

const MARGIN = 8

/** The first index whose row ends after `y`. */
function indexAt(offsets: Float64Array, count: number, y: number): number {
  let lo = 0
  let hi = count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((offsets[mid + 1] as number) <= y) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function VirtualList(props: Props) {
  const { count, keyOf, estimate, renderRow, rowAttrs, active = -1, reveal, topInset } = props
  const overscan = props.overscan ?? 600
  const listRef = useRef<HTMLUListElement>(null)
  const sizes = useRef(new Map<string, number>())
  const [version, setVersion] = useState(0)
  const [view, setView] = useState({
    top: 0,
    bottom: typeof window === 'undefined' ? 800 : innerHeight,
  })

  // Offsets of every row (prefix sums): O(rows), redone only when rows or measured sizes change.
  const offsets = useMemo(() => {
    const out = new Float64Array(count + 1)
    for (let i = 0; i < count; i++)
      out[i + 1] = (out[i] as number) + (sizes.current.get(keyOf(i)) ?? estimate(i))
    return out
  }, [count, keyOf, estimate, version])
  const total = offsets[count] as number
  // The offsets the rows on screen were placed at, for a measure after this render.
  const placed = useRef(offsets)
  placed.current = offsets

  // Where the window's view is, in the list's own coordinates.
  const viewRef = useRef(view)
  viewRef.current = view
  useEffect(() => {
    const update = () => {
      const list = listRef.current
      if (!list) return
      const top = -list.getBoundingClientRect().top
      const next = { top, bottom: top + innerHeight }
      const old = viewRef.current
      // Re-render only when the view moved enough to matter (a quarter of the overscan), or
      // when the window changed height.
      const resized = Math.abs(old.bottom - old.top - innerHeight) > 1
      if (resized || Math.abs(old.top - next.top) > overscan / 4) setView(next)
    }
    update()
    addEventListener('scroll', update, { passive: true })
    addEventListener('resize', update)
    return () => {
      removeEventListener('scroll', update)
      removeEventListener('resize', update)
    }
  }, [overscan])

  const first = indexAt(offsets, count, view.top - overscan)
  const last = Math.min(count - 1, indexAt(offsets, count, view.bottom + overscan))
  const indexes: number[] = []
  if (active >= 0 && active < count && active < first) indexes.push(active)
  for (let i = first; i <= last; i++) indexes.push(i)
  if (active >= 0 && active < count && active > last) indexes.push(active)

  // Measure what was rendered; a changed height moves the rows after it.
  const observer = useRef<ResizeObserver | null>(null)
  const observed = useRef(new Set<Element>())
  const measure = () => {
    const list = listRef.current
    if (!list) return
    let changed = false
    const now = new Set<Element>()
    for (const el of list.children) {
      now.add(el)
      const { key, index } = (el as HTMLElement).dataset
      const h = (el as HTMLElement).offsetHeight
      if (key === undefined || h === 0) continue
      if (sizes.current.get(key) !== h) {
        sizes.current.set(key, h)
        // Placed at its estimate, and that was right: nothing moves, no second render.
        const i = Number(index)
        const at = placed.current
        if (h !== (at[i + 1] as number) - (at[i] as number)) changed = true
      }
      if (!observed.current.has(el)) observer.current?.observe(el)
    }
    // Rows scrolled away are no longer watched (the observer would keep them alive).
    for (const el of observed.current) if (!now.has(el)) observer.current?.unobserve(el)
    if (observer.current) observed.current = now
    if (changed) setVersion((v) => v + 1)
  }
  useLayoutEffect(measure)
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return
    observer.current = new ResizeObserver(() => measure())
    measure()
    return () => {
      observer.current?.disconnect()
      observer.current = null
      observed.current = new Set()
    }
  }, [])

  useLayoutEffect(() => {
    const list = listRef.current
    if (!reveal || !list || reveal.index < 0 || reveal.index >= count) return
    const listTop = list.getBoundingClientRect().top + scrollY
    const top = listTop + (offsets[reveal.index] as number)
    const bottom = listTop + (offsets[reveal.index + 1] as number)
    const inset = topInset?.() ?? 0
    if (top < scrollY + inset) scrollTo({ top: top - inset - MARGIN })
    else if (bottom > scrollY + innerHeight)
      scrollTo({ top: Math.min(top - inset - MARGIN, bottom - innerHeight + MARGIN) })
    if (reveal.focus) {
      const el = list.querySelector<HTMLElement>(`[data-index="${reveal.index}"]`)
      el?.focus({ preventScroll: true })
    }
  }, [reveal])

  return (
    <ul
      ref={listRef}
      aria-label={props.label}
      class={props.class ? `vlist ${props.class}` : 'vlist'}
      style={{ position: 'relative', height: `${total}px` }}
    >
      {indexes.map((i) => (
        <li
          key={keyOf(i)}
          aria-setsize={count}
          aria-posinset={i + 1}
          data-index={i}
          data-key={keyOf(i)}
          {...rowAttrs?.(i)}
          style={{ position: 'absolute', top: `${offsets[i]}px`, left: 0, right: 0 }}
        >
          {renderRow(i)}
        </li>
      ))}
    </ul>
  )
}
