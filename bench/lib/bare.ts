/**
 * Chromium with Margen loaded and no test driver, for the page-load figures.
 *
 * The browser the tests use is one Playwright launches (with its own flags) and drives: it
 * attaches to every page and sets each one up as it opens. In four runs where loads of the same
 * review page alternated between that browser and this one, the list was painted 13, 16 and 33 ms
 * later in Playwright's, and once 1 ms later (bench/review.ts still measures both). A user's browser has no driver, so the
 * budgets are measured here: the DevTools protocol spoken directly over --remote-debugging-pipe,
 * a page attached to only to size it and to install one init script before it loads, and read
 * once it has.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { CHROME_FLAGS, chromePath } from '../../tests/harness/chrome'
import { sleep } from '../../tests/harness/fixture'
import type { Margen } from '../../tests/harness/launch'
import type { Figure } from './figure'
import { median } from './stats'

export interface BareLoad {
  /** Script installed before any of the page's own (e.g. a MutationObserver). */
  init?: string
  /** An expression (it may give a promise), polled after the load until it is not null. */
  read: string
  timeoutMs?: number
}

/** Loads `path` with `o`'s init script and gives what `o.read` gives (`Bare.load`, `drivenLoad`). */
export type Loader = <T>(path: string, o: BareLoad) => Promise<T>

export interface Bare {
  extensionId: string
  /** In-worker code (a string), run in the extension's service worker; its value. */
  inWorker<T>(code: string): Promise<T>
  /** Loads chrome-extension://<id>/<path> in a new tab, polls `read`, closes the tab. */
  load: Loader
  close(): Promise<void>
}

interface Reply {
  id?: number
  method?: string
  result?: Record<string, unknown>
  error?: { message: string }
  sessionId?: string
}

/** The protocol over the pipe: JSON messages, each ended by a NUL byte. */
function pipeClient(proc: ChildProcess) {
  const out = proc.stdio[3] as Writable
  const inp = proc.stdio[4] as Readable
  let next = 0
  const waiting = new Map<number, { ok: (r: Reply) => void; ko: (e: Error) => void }>()
  let buffer = ''
  inp.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const reply = JSON.parse(buffer.slice(0, end)) as Reply
      buffer = buffer.slice(end + 1)
      const w = reply.id === undefined ? undefined : waiting.get(reply.id)
      if (!w || reply.id === undefined) continue
      waiting.delete(reply.id)
      if (reply.error) w.ko(new Error(reply.error.message))
      else w.ok(reply)
    }
  })
  proc.on('exit', () => {
    for (const w of waiting.values()) w.ko(new Error('Chromium exited'))
    waiting.clear()
  })
  return function send<T = Record<string, unknown>>(
    method: string,
    params: object = {},
    sessionId?: string,
  ): Promise<T> {
    const id = ++next
    return new Promise<T>((ok, ko) => {
      waiting.set(id, {
        ok: (r) => ok(r.result as T),
        ko: (e) => ko(new Error(`${method}: ${e.message}`)),
      })
      out.write(`${JSON.stringify({ id, method, params, sessionId })}\0`)
    })
  }
}

/**
 * A `read` for `load`: null until the page-side expression `ready` is truthy; then, once the
 * browser has reported first-contentful-paint (it comes after the frame is shown; at most a
 * second), the value of `then` (an expression, or a promise of one).
 */
export const whenPainted = (ready: string, then: string) => `(${ready})
  ? new Promise((resolve) => {
      const t0 = performance.now()
      const check = () =>
        performance.getEntriesByName('first-contentful-paint').length > 0 || performance.now() - t0 > 1000
          ? resolve()
          : setTimeout(check, 10)
      check()
    }).then(() => ${then})
  : null`

/**
 * The info figure beside a budgeted page load: the same page's loads in the browser Playwright
 * drives (none: no figure). `more` adds to its note.
 */
export function drivenFigure(key: string, driven: { paintedAt: number }[], more = ''): Figure[] {
  if (driven.length === 0) return []
  return [
    {
      key: `${key}.drivenPaintedMs`,
      label: '  the same, with Playwright driving the browser, median',
      value: median(driven.map((x) => x.paintedAt)),
      unit: 'ms',
      note:
        `${driven.length} loads, each right after one above${more}; ` +
        'the budget is for a browser no driver is attached to',
    },
  ]
}

/**
 * Polls `o.read` through `evaluate` every 50 ms until it is not null (evaluation errors count as
 * null: the page may still be navigating), or throws after `o.timeoutMs`.
 */
async function pollRead<T>(
  evaluate: (expression: string) => Promise<T | null>,
  path: string,
  o: BareLoad,
): Promise<T> {
  const deadline = Date.now() + (o.timeoutMs ?? 30_000)
  for (;;) {
    await sleep(50)
    const value = await evaluate(o.read).catch(() => null)
    if (value !== null && value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`${path}: \`${o.read}\` still null`)
  }
}

/** `load` in the browser Playwright drives, for the comparison: the same page, size and scripts. */
export async function drivenLoad<T>(m: Margen, path: string, o: BareLoad): Promise<T> {
  const page = await m.context.newPage()
  try {
    await page.setViewportSize(VIEW)
    if (o.init) await page.addInitScript(o.init)
    await page.goto(`chrome-extension://${m.extensionId}/${path}`)
    return await pollRead((read) => page.evaluate<T | null>(read), path, o)
  } finally {
    await page.close()
  }
}

/** The size of every page: what the browser tests use. */
export const VIEW = { width: 1280, height: 900 }

interface TargetInfo {
  targetId: string
  type: string
  url: string
}

export async function launchBare(dist: string): Promise<Bare> {
  const dir = resolve(dist)
  const profile = await mkdtemp(join(tmpdir(), 'margen-bare-'))
  const proc = spawn(
    chromePath(),
    [
      ...CHROME_FLAGS,
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  )
  const send = pipeClient(proc)
  const close = async () => {
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r))
      proc.kill()
      await exited
    }
    await rm(profile, { recursive: true, force: true })
  }

  const evaluate = async <T>(expression: string, sessionId: string): Promise<T> => {
    const r = await send<{
      result: { value: T }
      exceptionDetails?: { text: string; exception?: { description?: string } }
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)
    if (r.exceptionDetails)
      throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text)
    return r.result.value
  }

  /** The extension's service worker, if it is running. */
  const workerTarget = async (): Promise<TargetInfo | undefined> => {
    const { targetInfos } = await send<{ targetInfos: TargetInfo[] }>('Target.getTargets')
    return targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
    )
  }

  /** The extension's service worker, attached (found again if Chromium stopped it). */
  let worker: { targetId: string; sessionId: string } | undefined
  const workerSession = async (): Promise<string> => {
    const sw = await workerTarget()
    if (!sw) throw new Error('no extension service worker')
    if (worker?.targetId !== sw.targetId) {
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', {
        targetId: sw.targetId,
        flatten: true,
      })
      worker = { targetId: sw.targetId, sessionId }
    }
    return worker.sessionId
  }

  try {
    let extensionId = ''
    for (let i = 0; i < 200 && !extensionId; i++) {
      const sw = await workerTarget()
      if (sw) extensionId = new URL(sw.url).host
      else await sleep(100)
    }
    if (!extensionId) throw new Error(`the extension at ${dir} did not start`)

    return {
      extensionId,
      inWorker: async <T>(code: string) => evaluate<T>(code, await workerSession()),
      async load<T>(path: string, o: BareLoad): Promise<T> {
        const { targetId } = await send<{ targetId: string }>('Target.createTarget', {
          url: 'about:blank',
        })
        try {
          const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', {
            targetId,
            flatten: true,
          })
          // The page's size, set as Playwright sets it.
          await send(
            'Emulation.setDeviceMetricsOverride',
            { ...VIEW, deviceScaleFactor: 1, mobile: false },
            sessionId,
          )
          if (o.init) {
            await send('Page.enable', {}, sessionId)
            await send('Page.addScriptToEvaluateOnNewDocument', { source: o.init }, sessionId)
          }
          await send(
            'Page.navigate',
            { url: `chrome-extension://${extensionId}/${path}` },
            sessionId,
          )
          return await pollRead((read) => evaluate<T | null>(read, sessionId), path, o)
        } finally {
          await send('Target.closeTarget', { targetId })
        }
      },
      close,
    }
  } catch (err) {
    await close()
    throw err
  }
}
