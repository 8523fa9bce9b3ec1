import { describe, expect, it } from 'vitest'
import { ID, pageSender, routerUnderTest, tabSender } from './router-testing'

const setup = () => routerUnderTest()

const cap = {
  ref: 'r1',
  api: 'ctor',
  mode: 'pending',
  title: 'Ana',
  body: 'hola',
  tag: '',
  icon: '',
  data: '',
}

describe('router', () => {
  it('passes a valid capture from a content script, with origin and tab from the sender', async () => {
    const { route, seen } = setup()
    expect(await route({ type: 'content/capture', cap }, tabSender)).toEqual({ ok: true })
    expect(seen.content[0]?.[1]).toEqual({
      tabId: 7,
      frameId: 0,
      url: tabSender.url,
      origin: 'https://mail.google.com',
      tabUrl: tabSender.url,
    })
  })

  it('uses the tab origin for an about:blank frame whose origin is opaque', async () => {
    const { route, seen } = setup()
    await route(
      { type: 'content/capture', cap },
      { ...tabSender, url: 'about:blank', origin: 'null', frameId: 3 },
    )
    expect(seen.content[0]?.[1]).toMatchObject({ origin: 'https://mail.google.com', frameId: 3 })
  })

  it('passes a valid UI command from an extension page', async () => {
    const { route, seen } = setup()
    expect(await route({ type: 'ui/focus-start', minutes: 25 }, pageSender)).toEqual({ ok: true })
    expect(seen.ui).toEqual([{ type: 'ui/focus-start', minutes: 25 }])
  })

  it('refuses UI commands from a content script, and captures from an extension page', async () => {
    const { route, seen } = setup()
    const a = await route({ type: 'ui/focus-end' }, tabSender)
    const b = await route({ type: 'content/capture', cap }, pageSender)
    expect(a).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid content message'),
    })
    expect(b).toMatchObject({ ok: false, error: expect.stringContaining('invalid UI message') })
    expect(seen.ui).toEqual([])
    expect(seen.content).toEqual([])
    expect(seen.counted).toEqual(['refused:invalid-content', 'refused:invalid-ui'])
  })

  it('refuses messages from another extension or a sender without a tab', async () => {
    const { route, seen } = setup()
    expect(await route({ type: 'ui/focus-end' }, { ...pageSender, id: 'other' })).toMatchObject({
      ok: false,
    })
    expect(
      await route({ type: 'content/capture', cap }, { id: ID, url: 'https://mail.google.com/' }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('content script in a tab'),
    })
    expect(seen.counted).toEqual(['refused:foreign', 'refused:no-tab'])
  })

  it('refuses malformed captures with an error naming the field', async () => {
    const { route } = setup()
    const bad = await route({ type: 'content/capture', cap: { ...cap, title: 42 } }, tabSender)
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/title/) })
    const extra = await route(
      { type: 'content/capture', cap: { ...cap, origin: 'https://evil.test' } },
      tabSender,
    )
    expect(extra).toMatchObject({ ok: false, error: expect.stringMatching(/origin/) })
    const unknown = await route({ type: 'content/settings' }, tabSender)
    expect(unknown).toMatchObject({ ok: false })
  })

  it('takes a burst of shown notifications as one message, up to its limit', async () => {
    const { route, seen } = setup()
    const shown = { ...cap, mode: 'delivered' }
    const caps = Array.from({ length: 20 }, (_, i) => ({
      ...shown,
      ref: `r${i}`,
      body: 'b'.repeat(2000),
    }))
    expect(await route({ type: 'content/delivered', caps }, tabSender)).toEqual({ ok: true })
    expect(seen.content).toHaveLength(1)
    const tooMany = await route({ type: 'content/delivered', caps: [...caps, shown] }, tabSender)
    expect(tooMany).toMatchObject({ ok: false, error: expect.stringMatching(/caps/) })
    const pending = await route({ type: 'content/delivered', caps: [cap] }, tabSender)
    expect(pending).toMatchObject({ ok: false, error: expect.stringMatching(/mode/) })
  })

  it('refuses oversized and unserialisable messages', async () => {
    const { route } = setup()
    const huge = await route(
      { type: 'content/capture', cap: { ...cap, body: 'x'.repeat(100_000) } },
      tabSender,
    )
    expect(huge).toMatchObject({ ok: false, error: expect.stringContaining('limit') })
    // A content script's capture is held to the content limit even when it is well-formed JSON.
    const bigUi = { type: 'ui/rules-save', rules: { note: 'x'.repeat(200_000) } }
    expect(await route(bigUi, tabSender)).toMatchObject({ ok: false })
    const cyclic: Record<string, unknown> = { type: 'ui/focus-end' }
    cyclic.self = cyclic
    expect(await route(cyclic, pageSender)).toMatchObject({
      ok: false,
      error: 'message is not JSON',
    })
  })

  it("accepts a page's settings far larger than a capture (hundreds of clients), up to the UI limit", async () => {
    const { route, seen } = setup()
    const rules = {
      clients: Array.from({ length: 500 }, (_, i) => ({
        name: `Client ${i}`,
        note: 'x'.repeat(400),
      })),
    }
    expect(await route({ type: 'ui/rules-save', rules }, pageSender)).toEqual({ ok: true })
    expect(seen.ui).toHaveLength(1)
    const tooBig = { type: 'ui/rules-save', rules: { note: 'x'.repeat(8_100_000) } }
    expect(await route(tooBig, pageSender)).toMatchObject({
      ok: false,
      error: expect.stringContaining('limit'),
    })
  })
})
