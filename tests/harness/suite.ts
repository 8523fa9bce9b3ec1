// One browser per suite, as the browser specs want it: Margen launched before the suite's tests
// and closed after them (also when setting up failed), a control page opened on it, and the
// session a test left running ended after each test, so that quiet periods do not leak from one
// test into the next. `ready` gets both once they are up, for the suite to keep and to finish
// its own set-up.
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type Control, openControl } from './control'
import { type LaunchOptions, launchMargen, type Margen } from './launch'

export interface SuiteOptions extends LaunchOptions {
  /** End a session left running after each test (default true). */
  endAfterEach?: boolean
}

export function useMargen(
  ready: (m: Margen, ctl: Control) => void | Promise<void>,
  { endAfterEach = true, ...launch }: SuiteOptions = {},
): void {
  let m: Margen | undefined
  let ctl: Control | undefined
  beforeAll(async () => {
    m = await launchMargen(launch)
    ctl = await openControl(m)
    await ready(m, ctl)
  })
  afterAll(async () => {
    await m?.close()
  })
  if (endAfterEach)
    afterEach(async () => {
      await ctl?.end()
    })
}
