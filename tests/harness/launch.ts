// Launches the system Chromium with the built extension (dist/) loaded, routed through the fixture
// server's proxy, so pages load from https://<real site host>/ and the shipped manifest's content
// scripts match them. Only this browser trusts the throwaway certificate (an SPKI pin flag).
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core'
import { chromePath, extensionArgs } from './chrome'
import { type FixtureServer, startFixtureServer } from './server'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const DEFAULT_DIST = join(REPO_ROOT, 'dist')

export interface LaunchOptions {
  /** A profile to keep (e.g. to relaunch on it later); a fresh temporary one by default. */
  userDataDir?: string
  headless?: boolean
  /** The unpacked extension; `$MARGEN_DIST`, else `<repo>/dist`, by default. */
  dist?: string
  /** Reuse a running fixture server; otherwise one is started and stopped with the browser. */
  server?: FixtureServer
  /** More unpacked extensions to load next to Margen (test helpers). They must have no service
   * worker: `sw` and `worker()` take the first extension worker that shows up. */
  extraExtensions?: readonly string[]
  /** Let Playwright close the browser on SIGINT/SIGTERM/SIGHUP (default true); pass false when
   * the caller handles them itself. */
  handleSignals?: boolean
}

export interface Margen {
  context: BrowserContext
  /** The extension's service worker as found at launch (see `worker()` after it restarts). */
  sw: Worker
  extensionId: string
  server: FixtureServer
  userDataDir: string
  dist: string
  /** `https://<host><path>`. */
  url(host: string, path?: string): string
  /** A new tab on `https://<host><path>` (default `/`), loaded. */
  page(host: string, path?: string): Promise<Page>
  /** A new tab on `chrome-extension://<id>/<path>`, loaded. */
  extensionPage(path: string): Promise<Page>
  /** The extension's current service worker, waiting for it if it is not running. */
  worker(): Promise<Worker>
  /** Closes the browser, then the server and the temporary profile if this launch made them. */
  close(): Promise<void>
  /** Closes the browser only, and launches it again on the same profile and server. */
  relaunch(): Promise<Margen>
}

const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://')

async function extensionWorker(context: BrowserContext, timeout = 30_000): Promise<Worker> {
  const waiting = context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout })
  const running = context.serviceWorkers().find(isExtensionWorker)
  if (running) waiting.catch(() => {})
  return (
    running ??
    waiting.catch((err: Error) => {
      const hint = 'is dist/ a valid build? (Branded Chrome ignores --load-extension.)'
      throw new Error(`The extension's service worker did not start: ${hint}\n${err.message}`)
    })
  )
}

export async function launchMargen(opts: LaunchOptions = {}): Promise<Margen> {
  const dist = resolve(opts.dist ?? process.env.MARGEN_DIST ?? DEFAULT_DIST)
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${dist} (no manifest.json): run \`npm run build\` first.`,
    )
  }
  const server = opts.server ?? (await startFixtureServer())
  const tempProfile = opts.userDataDir ? undefined : await mkdtemp(join(tmpdir(), 'margen-prof-'))
  const userDataDir = opts.userDataDir ?? tempProfile!
  const headless = opts.headless ?? true
  const handleSignals = opts.handleSignals ?? true
  const extraExtensions = opts.extraExtensions ?? []
  const cleanup = async () => {
    if (!opts.server) await server.stop()
    if (tempProfile) await rm(tempProfile, { recursive: true, force: true })
  }
  try {
    return await open({
      dist,
      server,
      userDataDir,
      headless,
      handleSignals,
      extraExtensions,
      cleanup,
    })
  } catch (err) {
    await cleanup()
    throw err
  }
}

interface State extends Required<Omit<LaunchOptions, 'server'>> {
  server: FixtureServer
  cleanup: () => Promise<void>
  /** The latest launch on this profile: only it may clean up. */
  current?: BrowserContext
}

async function open(state: State): Promise<Margen> {
  const { dist, server, userDataDir, headless, handleSignals, extraExtensions } = state
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless,
    args: extensionArgs(
      dist,
      { proxyUrl: server.proxyUrl, spki: server.certs.spki },
      extraExtensions,
    ),
    // Playwright disables extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: headless ? { width: 1280, height: 800 } : null,
    ...{ handleSIGINT: handleSignals, handleSIGTERM: handleSignals, handleSIGHUP: handleSignals },
  })
  state.current = context
  try {
    for (const h of server.hosts) {
      await context.grantPermissions(['notifications'], { origin: `https://${h}` })
    }
    const sw = await extensionWorker(context)
    const extensionId = new URL(sw.url()).host
    const url = (host: string, path = '/') => `https://${host}${path}`
    const goto = async (target: string) => {
      const page = await context.newPage()
      await page.goto(target)
      return page
    }
    let closing: Promise<void> | undefined
    const closeBrowser = () => {
      closing ??= context.close()
      return closing
    }
    return {
      context,
      sw,
      extensionId,
      server,
      userDataDir,
      dist,
      url,
      page: (host, path) => goto(url(host, path)),
      extensionPage: (path) => goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`),
      worker: () => extensionWorker(context),
      async close() {
        await closeBrowser()
        if (state.current === context) await state.cleanup()
      },
      async relaunch() {
        await closeBrowser()
        return open(state)
      },
    }
  } catch (err) {
    await context.close()
    throw err
  }
}
