import { cleanup, render, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { UiMsg } from '../../core/messages'
import { AppContext } from '../app-context'
import { createI18n } from '../i18n'
import { english } from '../i18n-english'
import { createFakeConnector, type FakeConnector } from '../testing/fake-connector'
import { testDb } from '../testing/render-app'
import { type ReviewActions, useReviewActions } from './use-review-actions'

afterEach(cleanup)

/** Renders the hook alone and hands its latest value out. */
function withActions(connector: FakeConnector) {
  const out: { current?: ReviewActions } = {}
  function Probe() {
    out.current = useReviewActions()
    return null
  }
  const deps = { db: testDb(), connector, i18n: createI18n(english), now: () => 0 }
  render(
    <AppContext.Provider value={deps}>
      <Probe />
    </AppContext.Provider>,
  )
  return out
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
const sizes = (sent: UiMsg[]) => sent.map((m) => ('ids' in m ? m.ids.length : 0))

describe('useReviewActions', () => {
  it('sends at most 10,000 ids a message, in order', async () => {
    const connector = createFakeConnector()
    const actions = withActions(connector)
    await actions.current?.done(ids(25_001))
    expect(sizes(connector.sent)).toEqual([10_000, 10_000, 5_001])
    expect(connector.sent.flatMap((m) => ('ids' in m ? m.ids : []))).toEqual(ids(25_001))
  })

  it('sums what several snooze replies say, and keeps their time', async () => {
    const connector = createFakeConnector((msg) =>
      msg.type === 'ui/snooze'
        ? { ok: true, changed: msg.ids.length - 1, until: 5_000 }
        : { ok: true },
    )
    const actions = withActions(connector)
    await actions.current?.snooze(ids(12_000))
    await waitFor(() => expect(actions.current?.snoozed).toEqual({ count: 11_998, until: 5_000 }))
  })

  it('stops at the first refusal and says why', async () => {
    const connector = createFakeConnector(() => ({ ok: false, error: 'nope' }))
    const actions = withActions(connector)
    await actions.current?.done(ids(20_001))
    expect(sizes(connector.sent)).toEqual([10_000])
    await waitFor(() => expect(actions.current?.error).toBe("That didn't work: nope"))
  })

  it('sends nothing for no ids', async () => {
    const connector = createFakeConnector()
    const actions = withActions(connector)
    await actions.current?.done([])
    await actions.current?.snooze([])
    expect(connector.sent).toEqual([])
  })
})
