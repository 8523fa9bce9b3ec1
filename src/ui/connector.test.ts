import { describe, expect, it } from 'vitest'
import type { UiMsg } from '../core/messages'
import { createConnector, UNREACHABLE } from './connector'

describe('createConnector', () => {
  it('sends a valid message and returns the reply', async () => {
    const sent: unknown[] = []
    const c = createConnector(async (m) => {
      sent.push(m)
      return { ok: true, changed: 2 }
    })
    expect(await c.send({ type: 'ui/mark-done', ids: [1, 2] })).toEqual({ ok: true, changed: 2 })
    expect(sent).toEqual([{ type: 'ui/mark-done', ids: [1, 2] }])
  })

  it('does not send an invalid message, and says why', async () => {
    const sent: unknown[] = []
    const c = createConnector(async (m) => {
      sent.push(m)
      return { ok: true }
    })
    const bad = { type: 'ui/focus-extend', minutes: 0 } as UiMsg
    const reply = await c.send(bad)
    expect(reply.ok).toBe(false)
    expect(sent).toEqual([])
  })

  it('passes the background refusal through', async () => {
    const c = createConnector(async () => ({ ok: false, error: 'no focus session is running' }))
    expect(await c.send({ type: 'ui/focus-end' })).toEqual({
      ok: false,
      error: 'no focus session is running',
    })
  })

  it('reports a missing background as unreachable', async () => {
    const gone = createConnector(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.')
    })
    expect(await gone.send({ type: 'ui/focus-end' })).toEqual({ ok: false, error: UNREACHABLE })
    const silent = createConnector(async () => undefined)
    expect(await silent.send({ type: 'ui/focus-end' })).toEqual({ ok: false, error: UNREACHABLE })
  })

  it('reports other failures and odd replies', async () => {
    const broken = createConnector(async () => {
      throw new Error('Message length exceeded maximum allowed length.')
    })
    expect(await broken.send({ type: 'ui/focus-end' })).toEqual({
      ok: false,
      error: 'Message length exceeded maximum allowed length.',
    })
    const odd = createConnector(async () => 'yes')
    expect((await odd.send({ type: 'ui/focus-end' })).ok).toBe(false)
  })
})
