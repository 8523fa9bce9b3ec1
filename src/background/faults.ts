/**
 * Test-only pause points on the paths that must survive a stopped worker (captures, digests).
 *
 * A browser test arms one step by setting a global in the running service worker through the
 * DevTools protocol (`serviceWorker.evaluate`); when the worker reaches that step it records it
 * and waits forever, so the test can stop the worker exactly there. Nothing a page or another
 * extension can do reaches the worker's global scope, and the global is gone once the worker
 * restarts, so a fault fires at most once. In production this costs one property read per step.
 *
 * `write-fails` makes capture writes fail as a full disk would (QuotaExceededError): Chromium
 * does not enforce DevTools' `Storage.overrideQuotaForOrigin` on IndexedDB writes (checked in
 * Chromium 156), so a real quota cannot be set from a test.
 */
export const FAULT_STEPS = ['before-write', 'after-write', 'before-digest', 'after-digest'] as const
export type FaultStep = (typeof FAULT_STEPS)[number]

interface FaultGlobal {
  /** The step to pause at, set by a test. */
  __margenFault?: string
  /** The step the worker is paused at. */
  __margenFaultHit?: string
  /** How many more times `write-fails` fails (default once). */
  __margenFaultTimes?: number
}

/** Resolves at once, unless a test armed `step`: then never (the test stops the worker). */
export function faultPoint(step: FaultStep): Promise<void> | undefined {
  const g = globalThis as FaultGlobal
  if (g.__margenFault !== step) return undefined
  g.__margenFault = undefined
  g.__margenFaultHit = step
  return new Promise<void>(() => undefined)
}

/** Throws a QuotaExceededError when a test armed `write-fails`, as many times as it asked. */
export function faultFail(step: 'write-fails'): void {
  const g = globalThis as FaultGlobal
  if (g.__margenFault !== step) return
  const left = (g.__margenFaultTimes ?? 1) - 1
  g.__margenFaultTimes = left
  if (left <= 0) g.__margenFault = undefined
  g.__margenFaultHit = step
  throw new DOMException('storage full (test fault)', 'QuotaExceededError')
}
