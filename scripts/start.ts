// `npm start`: builds the extension, serves the demo fixture sites under their real host names,
// and opens Chromium with Margen loaded on a kept profile (.test-profiles/demo), so a person can
// try it. Runs until Ctrl+C. Nothing here reaches the real sites: every host is served locally.
import { spawn } from 'node:child_process'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_DIST, launchMargen, REPO_ROOT } from '../tests/harness/launch'
import { startFixtureServer } from '../tests/harness/server'

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit code ${code})`)),
    )
  })
}

async function popupPath(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(DEFAULT_DIST, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string }
  }
  return manifest.action?.default_popup ?? 'src/ui/popup/index.html'
}

async function main(): Promise<void> {
  if (process.argv.includes('--no-build')) console.log('Using the existing build in dist/.')
  else {
    console.log('Building the extension (vite build)…')
    await build()
  }
  const headless = !process.env.DISPLAY
  if (headless) {
    console.log('No display found (DISPLAY is not set): Chromium runs headless, so you will not')
    console.log(
      'see it. Run `npm start` from a desktop session, or under xvfb-run with a VNC viewer.',
    )
  }
  const userDataDir = join(REPO_ROOT, '.test-profiles', 'demo')
  await mkdir(userDataDir, { recursive: true })
  const server = await startFixtureServer()
  const margen = await launchMargen({
    dist: DEFAULT_DIST,
    userDataDir,
    headless,
    server,
    handleSignals: false,
  })
  const blank = margen.context.pages().filter((p) => p.url() === 'about:blank')
  await margen.page('mail.google.com')
  await margen.page('app.slack.com')
  const popup = await popupPath()
  await margen.extensionPage(popup)
  for (const p of blank) await p.close()

  console.log(`
Margen is loaded (extension id ${margen.extensionId}), with a kept profile in
${userDataDir}. Three tabs are open:
  - ${margen.url('mail.google.com')}  "Demo Mail", a fake webmail (Margen treats it as Gmail)
  - ${margen.url('app.slack.com')}    "Demo Chat", a fake chat (Margen treats it as Slack)
  - chrome-extension://${margen.extensionId}/${popup}  Margen's popup, as a tab
These sites are Margen test fixtures served from this machine through a local proxy
(${server.proxyUrl}); only this browser trusts their throwaway certificate.

Try it: press "Send a notification" in Demo Mail or Demo Chat (or tick auto-send every
20 s). Outside a focus block it shows at once; start a focus block from the popup, send
more, and they are held until the block ends, then handed over as one digest.

Press Ctrl+C here to stop.`)

  let stopping = false
  const stop = async (why: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${why}: closing the browser and the fixture server…`)
    await margen.close().catch(() => {})
    await server.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('Ctrl+C'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  margen.context.on('close', () => void stop('The browser was closed'))
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
