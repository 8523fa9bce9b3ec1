/**
 * Near-valid values for fuzz tests: a valid value with one part removed, replaced (a wrong type,
 * a string just past or far past a limit, deep nesting, an odd number) or joined by an extra key
 * (`__proto__`, `constructor`, a field the receiver takes from elsewhere). Random JSON rarely
 * gets past a schema's first check; these reach every field's own check.
 */
import fc from 'fast-check'

export type Path = (string | number)[]

/** Every node of a JSON-like value, the root first. */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))]
  if (typeof value === 'object' && value !== null)
    return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))]
  return [at]
}

/** What crosses a JSON boundary; own `__proto__` keys stay plain data, as JSON.parse makes them. */
export const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value))

/** Sets an own data property, even `__proto__` (an assignment would change the prototype). */
const put = (o: object, key: PropertyKey, value: unknown) =>
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true })

/** A string of `n` units: ASCII, or units JSON writes as six characters (`\u0001`). */
export const longString = (n: number, unit = 'x') => unit.repeat(n)

/** Arrays or objects nested `depth` deep. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v }
  return v
}

/** Keys a receiver must not trip on, or must not take from a payload. */
export const oddKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'then',
    'origin',
    'tabId',
    'frameId',
    'url',
    'type',
    'k',
    'id',
    '',
  ),
  fc.string({ maxLength: 10 }),
)

/** Values of the wrong kind or size, as JSON can carry them (and NaN/Infinity, which it turns into null). */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -0,
    -1,
    0.5,
    1e308,
    -1e308,
    2 ** 31,
    Number.MAX_SAFE_INTEGER + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    '0',
    'true',
    [],
    {},
  ),
  fc
    .constantFrom(40, 41, 64, 65, 80, 81, 200, 201, 500, 501, 2_000, 2_001, 4_000, 4_001, 20_000)
    .chain((n) => fc.constantFrom(longString(n), longString(n, '\u0001'), longString(n, '😀'))),
  fc.constantFrom(100_000, 1_000_000).map((n) => longString(n)),
  fc
    .integer({ min: 10, max: 400 })
    .chain((d) => fc.constantFrom(nested(d, 'array'), nested(d, 'object'))),
)

export type Mutation =
  | { op: 'remove' }
  | { op: 'set'; value: unknown }
  | { op: 'add'; key: string; value: unknown }

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ op: 'remove' as const }),
  fc.record({ op: fc.constant('set' as const), value: oddValue }),
  fc.record({ op: fc.constant('add' as const), key: oddKey, value: oddValue }),
)

/**
 * A copy of `value` with `m` applied at `path`: removing the root gives undefined, adding to a
 * non-object replaces it by an object with that one key. A path an earlier mutation took away
 * leaves the value as it is.
 */
export function mutate(value: unknown, path: Path, m: Mutation): unknown {
  const root: { v: unknown } = { v: structuredClone(value) }
  let parent: Record<string | number, unknown> = root
  let key: string | number = 'v'
  for (const step of path) {
    const next = parent[key]
    if (typeof next !== 'object' || next === null || !Object.hasOwn(next, step)) return root.v
    parent = next as Record<string | number, unknown>
    key = step
  }
  if (m.op === 'remove') {
    if (Array.isArray(parent)) parent.splice(key as number, 1)
    else delete parent[key]
  } else if (m.op === 'set') put(parent, key, m.value)
  else {
    const target = parent[key]
    if (typeof target === 'object' && target !== null && !Array.isArray(target))
      put(target, m.key, m.value)
    else put(parent, key, put({}, m.key, m.value))
  }
  return root.v
}

/** `valid`'s values with one to three of their parts mutated, one after the other. */
export function nearValid(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return valid.chain((v) =>
    fc
      .array(fc.tuple(fc.constantFrom(...pathsOf(v)), mutation), { minLength: 1, maxLength: 3 })
      .map((steps) => steps.reduce((acc, [path, m]) => mutate(acc, path, m), v)),
  )
}

/** A client's breakthrough options, any valid ones (core/clients/schema.ts). */
export const breakthroughOptions = {
  keywords: fc.boolean(),
  repeat: fc.option(
    fc.record({
      count: fc.integer({ min: 2, max: 20 }),
      minutes: fc.integer({ min: 1, max: 240 }),
    }),
  ),
  channel: fc.boolean(),
  quota: fc.integer({ min: 0, max: 50 }),
}
