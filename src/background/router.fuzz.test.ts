/**
 * The router against anything a sender could hand it: random values, and valid messages of every
 * type with parts removed, retyped, oversized or joined by extra keys, from every kind of sender.
 * Whatever comes in, `route` resolves; it either refuses with an error and one counted reason, or
 * hands the one handler of the sender's kind a message its schema accepts, unchanged, with the
 * tab and origin taken from the sender.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mutate, nearValid, nested, oddValue, pathsOf } from '../core/fuzz-testing'
import { LIMITS } from '../core/limits'
import { BgToContentMsg, ContentMsg, DownMsg, PageCapture, PageMsg, UiMsg } from '../core/messages'
import type { ContentSource, MessageSender } from './router'
import { ID, ORIGIN, pageSender, routerUnderTest, tabSender } from './router-testing'

/** Generous: the runs take a few seconds, more on a loaded machine, and must not time out. */
const FUZZ = { timeout: 60_000 }

const REASONS = [
  'foreign',
  'unserialisable',
  'too-large',
  'invalid-ui',
  'no-tab',
  'invalid-content',
]

const setup = () => routerUnderTest({ ok: true, answer: 'handled' })

// ---------------------------------------------------------------- valid messages of every type

/**
 * A string the schema takes: short and random, or exactly at its limit, in characters JSON
 * writes as one, two (`"`) or six (`\u0001`, a lone surrogate).
 */
const text = (max: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.string({ maxLength: Math.min(max, 24) }) },
    fc.string({ unit: 'grapheme', maxLength: 8 }).filter((s) => s.length <= max),
    fc.constantFrom(...['x', 'é', '"', '\u0001', '\ud800'].map((c) => c.repeat(max))),
  )

const capture = <M extends PageCapture['mode']>(
  mode: fc.Arbitrary<M>,
): fc.Arbitrary<PageCapture & { mode: M }> =>
  fc.record({
    ref: text(LIMITS.ref).filter((s) => s.length > 0),
    api: fc.constantFrom('ctor', 'sw'),
    mode,
    title: text(LIMITS.title),
    body: text(LIMITS.body),
    tag: text(LIMITS.tag),
    icon: text(LIMITS.icon),
    data: text(LIMITS.data),
  })
const anyCapture = capture(fc.constantFrom('delivered', 'pending'))

const validContent: fc.Arbitrary<ContentMsg> = fc.oneof(
  fc.record(
    {
      type: fc.constant('content/capture' as const),
      cap: anyCapture,
      retry: fc.integer({ min: 1, max: 3 }),
    },
    { requiredKeys: ['type', 'cap'] },
  ),
  fc.record({
    type: fc.constant('content/delivered' as const),
    caps: fc.array(capture(fc.constant('delivered')), {
      minLength: 1,
      maxLength: LIMITS.deliveredPerMessage,
    }),
  }),
  fc.record({
    type: fc.constant('content/flood' as const),
    count: fc.integer({ min: 1, max: LIMITS.floodCountMax }),
  }),
  fc.record({
    type: fc.constant('content/dropped' as const),
    dropped: fc.record(
      {
        notString: fc.integer({ min: 1, max: LIMITS.droppedCountMax }),
        tooBig: fc.integer({ min: 1, max: LIMITS.droppedCountMax }),
        badJson: fc.integer({ min: 1, max: LIMITS.droppedCountMax }),
        badShape: fc.integer({ min: 1, max: LIMITS.droppedCountMax }),
      },
      { requiredKeys: [] },
    ),
  }),
)

const ids = fc.array(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), {
  minLength: 1,
  maxLength: 20,
})
const json = fc.jsonValue({ maxDepth: 3 })

const validUi: fc.Arbitrary<UiMsg> = fc.oneof(
  fc.record(
    {
      type: fc.constant('ui/focus-start' as const),
      minutes: fc.integer({ min: 1, max: 720 }),
      until: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.constant({ type: 'ui/focus-end' as const }),
  fc.record({
    type: fc.constant('ui/focus-extend' as const),
    minutes: fc.integer({ min: 1, max: 240 }),
  }),
  fc.record({
    type: fc.constant('ui/open-capture' as const),
    id: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  }),
  fc.record({ type: fc.constant('ui/mark-done' as const), ids }),
  fc.record({ type: fc.constant('ui/settings-save' as const), settings: json }),
  fc.record({ type: fc.constant('ui/rules-save' as const), rules: json }),
  fc.record(
    {
      type: fc.constant('ui/client-add-identity' as const),
      clientId: fc.string({ maxLength: 40 }),
      newName: fc.string({ maxLength: 80 }),
      identity: json,
    },
    { requiredKeys: ['type', 'clientId', 'identity'] },
  ),
  fc.record({
    type: fc.constant('ui/mark-not-urgent' as const),
    ids,
    notUrgent: fc.boolean(),
  }),
  fc.record({ type: fc.constant('ui/snooze' as const), ids }),
  fc.record({ type: fc.constant('ui/settings-import' as const), settings: json }),
  fc.constant({ type: 'ui/history-delete' as const }),
  fc.constant({ type: 'ui/settings-notice-dismiss' as const }),
  fc.record({
    type: fc.constant('ui/history-save' as const),
    retentionDays: fc.double({ noNaN: true, noDefaultInfinity: true }),
    interruptionMinutes: fc.double({ noNaN: true, noDefaultInfinity: true }),
  }),
  fc.record({
    type: fc.constant('ui/insights-summarize' as const),
    days: fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
  }),
)

/** A valid message of one direction with its `type` set to another direction's. */
const crossed = fc
  .tuple(
    fc.oneof(validUi, validContent),
    fc.constantFrom(
      'content/capture',
      'content/delivered',
      'ui/focus-start',
      'ui/settings-save',
      'bg/click',
      'UI/FOCUS-END',
      'ui/focus-end ',
      'content/',
    ),
  )
  .map(([msg, type]) => ({ ...msg, type }))

/** What a sender might send: random values, valid messages, and valid ones slightly wrong. */
const anyMessage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }),
  validUi,
  validContent,
  nearValid(validUi),
  nearValid(validContent),
  crossed,
  oddValue,
)

// ---------------------------------------------------------------- every kind of sender

const namedSenders: MessageSender[] = [
  pageSender,
  // The review page opened in a tab: still one of Margen's pages.
  { ...pageSender, tab: { id: 4, url: pageSender.url }, frameId: 0 },
  tabSender,
  { ...tabSender, url: 'about:blank', origin: 'null', frameId: 3 },
  { ...tabSender, origin: undefined },
  { ...tabSender, origin: undefined, tab: { id: 7, url: 'not a url' } },
  { ...tabSender, tab: undefined },
  { ...tabSender, tab: { id: -1 } },
  { ...tabSender, frameId: undefined },
  { ...tabSender, url: undefined },
  { ...tabSender, id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk' },
  { ...pageSender, id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk' },
  { ...pageSender, id: undefined },
  // Look-alikes of Margen's own origin.
  { ...tabSender, url: `${ORIGIN}.evil.test/`, origin: `${ORIGIN}.evil.test` },
  { ...tabSender, url: ORIGIN },
  {},
]

const randomSender: fc.Arbitrary<MessageSender> = fc.record(
  {
    id: fc.constantFrom(ID, 'other', ''),
    url: fc.constantFrom(
      `${ORIGIN}/src/ui/options/index.html`,
      'https://app.slack.com/client/T1',
      'about:blank',
      `${ORIGIN}x/`,
      '',
    ),
    origin: fc.constantFrom('https://app.slack.com', 'null', '', ORIGIN),
    tab: fc.record(
      {
        id: fc.integer({ min: -2, max: 1_000 }),
        url: fc.constantFrom('https://app.slack.com/', 'chrome://newtab/', '', '::'),
      },
      { requiredKeys: [] },
    ),
    frameId: fc.integer({ min: 0, max: 10 }),
  },
  { requiredKeys: [] },
)
const anySender = fc.oneof(fc.constantFrom(...namedSenders), randomSender)

// ---------------------------------------------------------------- what must hold

const isOwnPage = (s: MessageSender) => s.url?.startsWith(`${ORIGIN}/`) === true
const inTab = (s: MessageSender) =>
  s.tab?.id !== undefined && s.tab.id >= 0 && s.frameId !== undefined && !!s.url

/** DESIGN.md: the background takes the origin and tab from `sender`, never from the payload. */
function sourceOf(s: MessageSender): ContentSource {
  let tabOrigin = ''
  try {
    tabOrigin = s.tab?.url ? new URL(s.tab.url).origin : ''
  } catch {}
  return {
    tabId: s.tab?.id as number,
    frameId: s.frameId as number,
    url: s.url as string,
    origin: s.origin && s.origin !== 'null' ? s.origin : tabOrigin,
    tabUrl: s.tab?.url ?? '',
  }
}

function jsonLength(message: unknown): number | null {
  try {
    return JSON.stringify(message)?.length ?? 0
  } catch {
    return null
  }
}

async function check(message: unknown, sender: MessageSender): Promise<void> {
  const { route, seen, answer } = setup()
  // A rejection fails the property as surely as a wrong answer.
  const reply = await route(message, sender)
  const calls = seen.ui.length + seen.content.length
  const size = jsonLength(message)
  const ui = UiMsg.safeParse(message)
  const content = ContentMsg.safeParse(message)

  if (calls === 0) {
    expect(reply).toMatchObject({ ok: false, error: expect.any(String) })
    expect((reply as { error: string }).error.length).toBeGreaterThan(0)
    expect(seen.counted).toHaveLength(1)
    const reason = seen.counted[0]?.replace(/^refused:/, '')
    expect(REASONS).toContain(reason)
    // Each reason is true of what was refused.
    if (reason === 'foreign') expect(sender.id).not.toBe(ID)
    else expect(sender.id).toBe(ID)
    if (reason === 'unserialisable') expect(size).toBeNull()
    if (reason === 'too-large') expect(size).toBeGreaterThan(LIMITS.messageBytes)
    if (reason === 'invalid-ui') expect([isOwnPage(sender), ui.success]).toEqual([true, false])
    if (reason === 'no-tab') expect([isOwnPage(sender), inTab(sender)]).toEqual([false, false])
    if (reason === 'invalid-content')
      expect([inTab(sender), content.success]).toEqual([true, false])
    // Nothing a well-formed message from the right sender could have been refused for.
    const fits = size !== null && size <= LIMITS.messageBytes
    if (sender.id === ID && fits) {
      if (isOwnPage(sender)) expect(ui.success).toBe(false)
      else if (inTab(sender)) expect(content.success).toBe(false)
    }
    return
  }

  expect(calls).toBe(1)
  expect(seen.counted).toEqual([])
  expect(reply).toBe(answer)
  expect(sender.id).toBe(ID)
  if (seen.ui.length === 1) {
    const got = seen.ui[0] as UiMsg
    expect(isOwnPage(sender)).toBe(true)
    expect(got.type.startsWith('ui/')).toBe(true)
    expect(got).toEqual(message)
    expect(UiMsg.parse(got)).toEqual(got)
  } else {
    const [got, from] = seen.content[0] as [ContentMsg, ContentSource]
    expect(isOwnPage(sender)).toBe(false)
    expect(inTab(sender)).toBe(true)
    expect(got.type.startsWith('content/')).toBe(true)
    expect(got).toEqual(message)
    expect(ContentMsg.parse(got)).toEqual(got)
    expect(from).toEqual(sourceOf(sender))
  }
}

describe('router, for any message from any sender', FUZZ, () => {
  it('resolves, refusing with one counted reason or handing over a valid message once', async () => {
    await fc.assert(fc.asyncProperty(anyMessage, anySender, check), { numRuns: 2_000 })
  })

  it('generates valid messages of every type the schemas know', () => {
    const typesOf = (schema: typeof UiMsg | typeof ContentMsg) =>
      schema.options.map((o) => o.shape.type.value).sort()
    const seenTypes = (arb: fc.Arbitrary<{ type: string }>) =>
      [...new Set(fc.sample(arb, 3_000).map((m) => m.type))].sort()
    expect(seenTypes(validUi)).toEqual(typesOf(UiMsg))
    expect(seenTypes(validContent)).toEqual(typesOf(ContentMsg))
  })

  it('hands every valid message of every type, at any size its fields allow, to its handler', async () => {
    const own = fc.oneof(
      fc.tuple(validUi, fc.constantFrom(...namedSenders.slice(0, 2))),
      fc.tuple(validContent, fc.constantFrom(...namedSenders.slice(2, 6))),
    )
    await fc.assert(
      fc.asyncProperty(own, async ([message, sender]) => {
        await check(message, sender)
        const { route, seen } = setup()
        await route(message, sender)
        expect(seen.ui.length + seen.content.length).toBe(1)
      }),
      { numRuns: 1_000 },
    )
  })

  it('never takes the tab or origin from the payload, whatever keys it adds', async () => {
    const forged = fc
      .tuple(validContent, fc.constantFrom('origin', 'tabId', 'frameId', 'url', 'tabUrl'))
      .chain(([msg, key]) =>
        fc
          .constantFrom(...pathsOf(msg).filter((p) => p.length <= 2))
          .map((path) =>
            mutate(msg, path, { op: 'add', key, value: key === 'origin' ? 'https://x.test' : 1 }),
          ),
      )
    await fc.assert(
      fc.asyncProperty(forged, async (message) => {
        const { route, seen } = setup()
        const reply = await route(message, tabSender)
        expect(reply).toMatchObject({ ok: false })
        expect(seen.content).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('refuses, never rejects, an object whose getters or Proxy traps throw', async () => {
    const boom = () => {
      throw new Error('page getter')
    }
    const getter = Object.defineProperty({ type: 'ui/focus-end' }, 'x', {
      get: boom,
      enumerable: true,
    })
    const trap = new Proxy({ type: 'content/capture' }, { ownKeys: boom, get: boom })
    for (const [message, sender] of [
      [getter, pageSender],
      [getter, tabSender],
      [trap, tabSender],
      [trap, pageSender],
      [{ type: 'content/capture', cap: 10n }, tabSender],
    ] as const) {
      const { route, seen } = setup()
      expect(await route(message, sender)).toEqual({ ok: false, error: 'message is not JSON' })
      expect(seen.counted).toEqual(['refused:unserialisable'])
    }
  })

  it('takes nesting thousands deep, and top-level values JSON drops, without throwing', async () => {
    for (const message of [
      nested(5_000, 'array'),
      { type: 'ui/settings-save', settings: nested(5_000, 'object') },
      undefined,
      Symbol('s'),
      () => 1,
    ]) {
      for (const sender of [pageSender, tabSender]) await check(message, sender)
    }
  })
})

describe('every schema, for any input', FUZZ, () => {
  const schemas = { PageMsg, DownMsg, ContentMsg, UiMsg, BgToContentMsg, PageCapture }
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  })

  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}.safeParse returns, never throws, and what it accepts parses again unchanged`, () => {
      fc.assert(
        fc.property(
          fc.oneof(anything, oddValue, nearValid(validUi), nearValid(validContent)),
          (v) => {
            const r = schema.safeParse(v)
            if (r.success) expect(schema.parse(r.data)).toEqual(r.data)
            else expect(r.error.issues.length).toBeGreaterThan(0)
          },
        ),
        { numRuns: 600 },
      )
    })
  }

  it("PageMsg takes the bridge's input, a page's JSON text, without throwing", () => {
    const validPage = fc.oneof(
      fc.record({ k: fc.constant('cap'), cap: anyCapture }),
      fc.record({ k: fc.constant('ack'), ref: text(LIMITS.ref), ok: fc.boolean() }),
    )
    const texts = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      nearValid(validPage).map((v) => JSON.stringify(v) ?? ''),
      validPage.map((v) => JSON.stringify(v)),
    )
    fc.assert(
      fc.property(texts, (detail) => {
        let raw: unknown
        try {
          raw = JSON.parse(detail)
        } catch {
          return
        }
        const r = PageMsg.safeParse(raw)
        if (r.success) expect(r.data).toEqual(raw)
      }),
      { numRuns: 1_000 },
    )
  })

  it('lets the errors of getters and Proxy traps through: only plain data may reach zod', () => {
    // Found by this suite: zod reads what it checks, so a throwing getter throws out of
    // safeParse. Every real entry point hands zod plain data: the bridge JSON.parses the page's
    // text, runtime messages arrive as copies, and the router stringifies first (above).
    const cap = { ref: 'r', api: 'ctor', mode: 'pending', title: '', body: '', tag: '', icon: '' }
    const hostile = Object.defineProperty({ ...cap }, 'data', {
      get: () => {
        throw new Error('page getter')
      },
      enumerable: true,
    })
    expect(() => PageCapture.safeParse(hostile)).toThrow('page getter')
  })
})
