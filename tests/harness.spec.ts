// Proves the browser-test harness itself: fixture pages load under the real site hosts over
// HTTPS the test browser trusts, and the built extension is loaded. Run:
//   npx vite build && npx vitest run -c vitest.browser.config.ts tests/harness.spec.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import './harness/fx-types'
import { launchMargen, type Margen } from './harness/launch'
import { SITE_HOSTS, UNWATCHED_HOST } from './harness/server'

describe('browser-test harness', () => {
  let m: Margen

  beforeAll(async () => {
    m = await launchMargen()
  })
  afterAll(async () => {
    await m?.close()
  })

  it('serves https://mail.google.com/ from the fixture server as a secure context', async () => {
    const page = await m.page('mail.google.com')
    expect(page.url()).toBe('https://mail.google.com/')
    expect(await page.title()).toContain('Demo Mail')
    expect(m.server.requests).toContain('mail.google.com/')
    const state = await page.evaluate(async () => ({
      secure: isSecureContext,
      permission: Notification.permission,
      sw: await window.fx.swRegistered,
      swError: window.fx.swError,
      controller: (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL,
    }))
    expect(state).toEqual({
      secure: true,
      permission: 'granted',
      sw: true,
      swError: null,
      controller: 'https://mail.google.com/sw.js',
    })
    await page.close()
  })

  it('serves the generic fixture, with notifications granted, on every built-in host', async () => {
    const page = await m.context.newPage()
    for (const host of [...SITE_HOSTS, UNWATCHED_HOST]) {
      await page.goto(m.url(host, '/fixture.html'))
      const seen = await page.evaluate(() => ({
        host: location.host,
        secure: isSecureContext,
        permission: Notification.permission,
        fx: typeof window.fx?.notify,
      }))
      expect(seen).toEqual({ host, secure: true, permission: 'granted', fx: 'function' })
    }
    await page.close()
  })

  it('answers 404 for unknown paths and sends the Gmail-like CSP on /tt.html', async () => {
    const page = await m.context.newPage()
    expect((await page.goto(m.url('app.slack.com', '/nope.html')))?.status()).toBe(404)
    const tt = await page.goto(m.url('mail.google.com', '/tt.html'))
    expect(tt?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'")
    await page.waitForFunction(() => window.ttResult !== undefined)
    const result = await page.evaluate(() => window.ttResult)
    expect(result).toMatchObject({ innerHTMLBlocked: true, evalBlocked: true })
    await page.close()
  })

  it('lets a page that Margen does not watch show a native notification (`show` fires)', async () => {
    const page = await m.page(UNWATCHED_HOST, '/fixture.html')
    const id = await page.evaluate(() => window.fx.notify({ title: 'Native', tag: 'n1' }))
    await page.waitForFunction(
      (n) => window.fx.log.some((e) => e.id === n && e.type === 'show'),
      id,
    )
    await page.close()
  })

  it('finds the extension service worker and its id', async () => {
    expect(m.extensionId).toMatch(/^[a-p]{32}$/)
    expect(m.sw.url()).toMatch(new RegExp(`^chrome-extension://${m.extensionId}/`))
    expect(await m.sw.evaluate(() => chrome.runtime.id)).toBe(m.extensionId)
    expect((await m.worker()).url()).toBe(m.sw.url())
  })

  it('relaunches on the same profile with the same extension', async () => {
    const before = m.extensionId
    const dir = m.userDataDir
    m = await m.relaunch()
    expect(m.userDataDir).toBe(dir)
    expect(m.extensionId).toBe(before)
    const page = await m.page('web.telegram.org', '/fixture.html')
    const permission = await page.evaluate(() => Notification.permission)
    expect(permission).toBe('granted')
    await page.close()
  })
})
