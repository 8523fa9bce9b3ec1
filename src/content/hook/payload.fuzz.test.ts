// @vitest-environment happy-dom
// (natives.ts takes MouseEvent and CustomEvent at load, as the hook does at document_start.)
/**
 * `capture` against whatever a page passes to `new Notification(title, options)`: any value, and
 * values built to hurt (throwing getters, Proxies whose every trap throws, revoked Proxies,
 * cycles, Symbols, `toString` and `toJSON` that throw or return objects, huge strings). It must
 * never throw into the page, and what it returns must be a capture the bridge and the background
 * take: within every limit, and small enough as JSON to pass both size checks.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRouter } from '../../background/router'
import { longString, nested } from '../../core/fuzz-testing'
import { LIMITS } from '../../core/limits'
import { type ContentMsg, PageCapture, PageMsg } from '../../core/messages'
import { capture } from './payload'

/** Generous: the runs take a few seconds, more on a loaded machine, and must not time out. */
const FUZZ = { timeout: 60_000 }

const boom = () => {
  throw new Error('hostile page')
}

/** Values a page could build to break a reader (capture changes none of them, so one set does). */
const HOSTILE: unknown[] = (() => {
  const cyclic: Record<string, unknown> = { a: 1 }
  cyclic.self = cyclic
  const cyclicArray: unknown[] = [1]
  cyclicArray.push(cyclicArray)
  const revocable = Proxy.revocable({}, {})
  revocable.revoke()
  const allTraps: ProxyHandler<object> = {
    get: boom,
    set: boom,
    has: boom,
    ownKeys: boom,
    getOwnPropertyDescriptor: boom,
    getPrototypeOf: boom,
    defineProperty: boom,
    deleteProperty: boom,
    apply: boom,
    construct: boom,
  }
  return [
    cyclic,
    cyclicArray,
    revocable.proxy,
    new Proxy({}, allTraps),
    new Proxy(() => 1, allTraps),
    new Proxy([], allTraps),
    Object.defineProperty({}, 'x', { get: boom, enumerable: true }),
    { toString: boom, valueOf: boom, toJSON: boom },
    { [Symbol.toPrimitive]: boom },
    { toJSON: () => cyclic },
    { toJSON: () => ({ toJSON: boom }) },
    { toJSON: () => undefined },
    { toJSON: () => longString(1_000_000) },
    { toJSON: () => Object.defineProperty({}, 'y', { get: boom, enumerable: true }) },
    Object.assign(() => 1, { toString: boom }),
    Object.assign(() => 1, { toString: () => ({}) }),
    Symbol('s'),
    Symbol.iterator,
    { [Symbol('k')]: 1 },
    10n,
    { big: 10n },
    new Date(Number.NaN),
    Object.create(null),
    Object.assign(Object.create(null), { a: 1 }),
    new Map([[1, 2]]),
    new Uint8Array(3),
    new String('boxed'),
    new Error('e'),
    nested(100_000, 'array'),
    longString(1_000_000),
    longString(10_000, '\u0001'),
    longString(10_000, '😀'),
    longString(10_000, '"'),
  ]
})()

/**
 * What to pass, as a recipe built inside the property: fast-check itself reads the values it
 * generates (to clone them), and a hostile Proxy would throw there instead of in `capture`.
 */
type Recipe =
  | { plain: unknown }
  | { hostile: number }
  | { members: Partial<Record<'body' | 'tag' | 'icon' | 'data', Recipe>> }
  | { throwingGetter: 'body' | 'tag' | 'icon' | 'data' }

function build(r: Recipe): unknown {
  if ('plain' in r) return r.plain
  if ('hostile' in r) return HOSTILE[r.hostile]
  if ('throwingGetter' in r)
    return Object.defineProperty({ body: 'b' }, r.throwingGetter, { get: boom, enumerable: true })
  const o: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(r.members)) o[k] = build(v as Recipe)
  return o
}

const hostileValue: fc.Arbitrary<Recipe> = fc.record({
  hostile: fc.integer({ min: 0, max: HOSTILE.length - 1 }),
})
const plain = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Recipe> => arb.map((v) => ({ plain: v }))
/** Options objects: any, hostile, or with hostile members under the names capture reads. */
/** Strings past every limit, of characters JSON writes as one, two (`"`, `\\`) or six characters. */
const longText = plain(
  fc.constantFrom(...['x', '"', '\\', '\n', '\u0001', '\udc00'].map((c) => c.repeat(5_000))),
)
const member = fc.oneof(plain(fc.anything()), hostileValue, longText)
const options: fc.Arbitrary<Recipe> = fc.oneof(
  plain(
    fc.anything({
      withBigInt: true,
      withMap: true,
      withNullPrototype: true,
      withBoxedValues: true,
    }),
  ),
  hostileValue,
  fc.record({
    members: fc.record(
      { body: member, tag: member, icon: member, data: member },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    throwingGetter: fc.constantFrom(
      'body' as const,
      'tag' as const,
      'icon' as const,
      'data' as const,
    ),
  }),
)
const title: fc.Arbitrary<Recipe> = fc.oneof(
  plain(fc.string()),
  longText,
  plain(fc.anything({ withBigInt: true, withBoxedValues: true })),
  hostileValue,
)
const ref = fc.string({ minLength: 1, maxLength: LIMITS.ref })
const api = fc.constantFrom('ctor' as const, 'sw' as const)
const mode = fc.constantFrom('delivered' as const, 'pending' as const)

const LIMIT_OF = {
  title: LIMITS.title,
  body: LIMITS.body,
  tag: LIMITS.tag,
  icon: LIMITS.icon,
  data: LIMITS.data,
} as const

function expectAccepted(cap: PageCapture) {
  const parsed = PageCapture.safeParse(cap)
  expect(parsed.success).toBe(true)
  for (const [field, max] of Object.entries(LIMIT_OF)) {
    expect(typeof cap[field as keyof typeof LIMIT_OF]).toBe('string')
    expect(cap[field as keyof typeof LIMIT_OF].length).toBeLessThanOrEqual(max)
  }
}

describe('capture, for anything a page passes', FUZZ, () => {
  it('never throws, and gives a capture PageCapture accepts, every field within its limit', () => {
    fc.assert(
      fc.property(ref, api, mode, title, options, (r, a, m, t, o) => {
        const cap = capture(r, a, m, build(t), build(o))
        expectAccepted(cap)
        expect([cap.ref, cap.api, cap.mode]).toEqual([r, a, m])
      }),
      { numRuns: 2_000 },
    )
  })

  it('keeps string titles and bodies as they are, cut at their limits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3_000 }), fc.string({ maxLength: 3_000 }), (t, b) => {
        const cap = capture('r', 'ctor', 'pending', t, { body: b })
        expect(cap.title).toBe(t.slice(0, LIMITS.title))
        expect(cap.body).toBe(b.slice(0, LIMITS.body))
      }),
      { numRuns: 300 },
    )
  })

  it('reads each hostile value on its own, as title, body, tag, icon, data and options', () => {
    for (const value of HOSTILE) {
      expectAccepted(capture('r', 'ctor', 'pending', value, value))
      for (const key of ['body', 'tag', 'icon', 'data'])
        expectAccepted(capture('r', 'sw', 'delivered', 'Ana', { [key]: value }))
    }
  })

  it('fits, as JSON, the size the bridge and the background take', async () => {
    // The largest a capture can be: every field at its limit, each character written as six.
    const worst = capture('r'.repeat(LIMITS.ref), 'ctor', 'pending', '\u0001'.repeat(9_999), {
      body: '\u0001'.repeat(9_999),
      tag: '\u0001'.repeat(9_999),
      icon: '\u0001'.repeat(9_999),
      data: '\u0001'.repeat(9_999),
    })
    expect(
      JSON.stringify({ type: 'content/capture', cap: worst, retry: 3 }).length,
    ).toBeLessThanOrEqual(LIMITS.messageBytes)
    const ID = 'abcdefghijklmnopabcdefghijklmnop'
    const refused: string[] = []
    const route = createRouter({
      extensionId: ID,
      extensionOrigin: `chrome-extension://${ID}`,
      onContent: async () => ({ ok: true }),
      onUi: async () => ({ ok: true }),
      count: (k) => refused.push(k),
    })
    const sender = {
      id: ID,
      url: 'https://mail.google.com/',
      origin: 'https://mail.google.com',
      tab: { id: 1, url: 'https://mail.google.com/' },
      frameId: 0,
    }
    await fc.assert(
      fc.asyncProperty(ref, api, mode, title, options, async (r, a, m, t, o) => {
        const cap = capture(r, a, m, build(t), build(o))
        // The hook posts `{k: 'cap', cap}` as JSON text; the bridge drops text over the limit.
        const detail = JSON.stringify({ k: 'cap', cap })
        expect(detail.length).toBeLessThanOrEqual(LIMITS.messageBytes)
        expect(PageMsg.safeParse(JSON.parse(detail)).success).toBe(true)
        const msg: ContentMsg =
          m === 'pending'
            ? { type: 'content/capture', cap }
            : { type: 'content/delivered', caps: [{ ...cap, mode: 'delivered' }] }
        expect(await route(msg, sender)).toEqual({ ok: true })
        expect(refused).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})
