// The background's router end to end: from an extension page only valid UI messages are
// accepted; content messages, malformed or oversized UI messages are refused with a clear error
// and counted, and change nothing.
import { describe, expect, it } from 'vitest'
import type { Control } from './harness/control'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

describe('router', () => {
  let _m: Margen
  let ctl: Control

  useMargen(
    (margen, control) => {
      _m = margen
      ctl = control
    },
    { endAfterEach: false },
  )

  it('refuses content messages and malformed UI messages from extension pages', async () => {
    const cap = {
      ref: 'forged-1',
      api: 'ctor',
      mode: 'pending',
      title: 'Forged from a page',
      body: '',
      tag: 'forged-ui',
      icon: '',
      data: '',
    }
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ type: 'content/capture', cap }, /invalid UI message/],
      [{ type: 'ui/focus-start', minutes: -5 }, /invalid UI message[\s\S]*minutes/],
      [{ type: 'ui/focus-start', minutes: 25, extra: true }, /invalid UI message[\s\S]*extra/],
      [{ type: 'ui/focus-start', until: Date.now() + 60_000.5 }, /invalid UI message[\s\S]*until/],
      [{ type: 'ui/launch-missiles' }, /invalid UI message[\s\S]*type/],
      [{ type: 'ui/mark-done', ids: [] }, /invalid UI message[\s\S]*ids/],
      [{ minutes: 25 }, /invalid UI message/],
    ]
    const before = (await ctl.counters())['refused:invalid-ui'] ?? 0
    for (const [msg, error] of refused) {
      const reply = await ctl.send(msg)
      expect({ msg, reply }).toEqual({
        msg,
        reply: { ok: false, error: expect.stringMatching(error) },
      })
    }
    await expect
      .poll(async () => (await ctl.counters())['refused:invalid-ui'])
      .toBe(before + refused.length)

    // Valid in shape, refused by the focus rules, with their reason.
    const now = Date.now()
    expect(await ctl.send({ type: 'ui/focus-start', minutes: 25, until: now + 60_000 })).toEqual({
      ok: false,
      error: 'give minutes or until, not both',
    })
    expect(await ctl.send({ type: 'ui/focus-start', until: now - 1_000 })).toEqual({
      ok: false,
      error: 'the end time has already passed',
    })
    expect(await ctl.send({ type: 'ui/focus-extend', minutes: 15 })).toEqual({
      ok: false,
      error: 'no focus session is running',
    })
    // Pages may send whole settings (hundreds of clients), so their limit is far above a
    // capture's; past it, the message is refused unread.
    const big = await ctl.send({ type: 'ui/focus-end', pad: 'x'.repeat(8_000_001) })
    expect(big).toEqual({ ok: false, error: expect.stringMatching(/the limit is 8000000/) })

    expect(await ctl.read('sessions')).toEqual([])
    expect((await ctl.captures()).filter((c) => c.tag === 'forged-ui')).toEqual([])
  })
})
