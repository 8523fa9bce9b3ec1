import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { useState } from 'preact/hooks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Reveal, VirtualList } from './virtual-list'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const ROW = 50
const keyOf = (i: number) => `r${i}`
const estimate = () => ROW

function List(props: { count: number; active?: number; reveal?: Reveal | null; inset?: number }) {
  return (
    <VirtualList
      count={props.count}
      keyOf={keyOf}
      estimate={estimate}
      label="Rows"
      active={props.active}
      reveal={props.reveal}
      topInset={() => props.inset ?? 0}
      rowAttrs={(i) => ({ tabIndex: -1, class: i === props.active ? 'on' : '' })}
      renderRow={(i) => <span>Row {i}</span>}
    />
  )
}

const rendered = () => screen.getAllByRole('listitem').map((li) => Number(li.dataset.index))
const list = () => screen.getByRole('list', { name: 'Rows' })

/** Pretends the page scrolled so that the list's top is `top` px above the window's. */
function scrollListTo(top: number) {
  vi.spyOn(list(), 'getBoundingClientRect').mockReturnValue({ top: -top } as DOMRect)
  act(() => {
    fireEvent.scroll(window)
  })
}

describe('VirtualList', () => {
  it('renders only the rows in and near the view, positioned in the full height', () => {
    render(<List count={10_000} />)
    const shown = rendered()
    const view = window.innerHeight
    expect(shown[0]).toBe(0)
    // The view plus 600 px of overscan, at 50 px a row: up to the row that crosses that line.
    expect(shown.at(-1)).toBe(Math.floor((view + 600) / ROW))
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => i))
    expect(list().style.height).toBe(`${10_000 * ROW}px`)
    const third = screen.getAllByRole('listitem')[3] as HTMLElement
    expect(third.style.top).toBe(`${3 * ROW}px`)
  })

  it("says each row's place in the whole list", () => {
    render(<List count={10_000} />)
    const first = screen.getAllByRole('listitem')[0] as HTMLElement
    expect([first.getAttribute('aria-setsize'), first.getAttribute('aria-posinset')]).toEqual([
      '10000',
      '1',
    ])
    expect(first.textContent).toBe('Row 0')
  })

  it('follows the window as it scrolls', () => {
    render(<List count={10_000} />)
    scrollListTo(5_000)
    const shown = rendered()
    // From 600 px above the view (row 88) to 600 px below it.
    expect(shown[0]).toBe((5_000 - 600) / ROW)
    expect(shown).toContain(5_000 / ROW)
    expect(shown).not.toContain(0)
    const row = screen.getByText('Row 100').closest('li') as HTMLElement
    expect(row.style.top).toBe(`${100 * ROW}px`)
  })

  it('does not re-render for a small scroll, which the overscan covers', () => {
    render(<List count={10_000} />)
    const before = rendered()
    scrollListTo(100)
    expect(rendered()).toEqual(before)
    scrollListTo(200)
    expect(rendered()[0]).toBe(0)
    expect(rendered().at(-1)).toBeGreaterThan(before.at(-1) as number)
  })

  it('keeps the active row rendered when it is out of view', () => {
    render(<List count={10_000} active={3} />)
    scrollListTo(5_000)
    expect(rendered()[0]).toBe(3)
    expect(screen.getByText('Row 3').closest('li')?.className).toBe('on')
  })

  it('scrolls a revealed row into view below the sticky bar, and focuses it', () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {})
    function Host() {
      const [reveal, setReveal] = useState<Reveal | null>(null)
      return (
        <>
          <button type="button" onClick={() => setReveal({ index: 500, focus: true })}>
            go
          </button>
          <List count={10_000} active={500} reveal={reveal} inset={60} />
        </>
      )
    }
    render(<Host />)
    fireEvent.click(screen.getByRole('button', { name: 'go' }))
    // Row 500 is below the view: it is brought up to the bottom edge, 8 px clear.
    const bottom = 501 * ROW
    expect(scrollTo).toHaveBeenCalledWith({ top: bottom - window.innerHeight + 8 })
    expect(document.activeElement?.textContent).toBe('Row 500')
  })

  it('keeps measured heights, and moves the rows after them', () => {
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.dataset.key === 'r1' ? 120 : ROW
    })
    render(<List count={100} />)
    expect(list().style.height).toBe(`${99 * ROW + 120}px`)
    expect((screen.getByText('Row 2').closest('li') as HTMLElement).style.top).toBe(
      `${ROW + 120}px`,
    )
  })

  it('renders an empty list for no rows', () => {
    render(<List count={0} />)
    expect(screen.queryAllByRole('listitem')).toEqual([])
    expect(list().style.height).toBe('0px')
  })
})
