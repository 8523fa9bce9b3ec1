// The page-facing API stays faithful: what feature-detecting sites read is the same outside a
// session (the real Notification) and during one (a held stand-in).
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Control } from './harness/control'
import { openFixture } from './harness/fixture'
import type { ApiCheck } from './harness/fx-types'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const EXPECTED: Partial<ApiCheck> = {
  permission: 'granted',
  typeofRequestPermission: 'function',
  requested: 'granted',
  requestedViaCallback: 'granted',
  instanceOf: true,
  ctorName: 'Notification',
  ctorLength: 1,
  readback: {
    title: 'Title text',
    body: 'Body text',
    tag: 'tag-1',
    data: { custom: { msg_id: '7', peerId: '42' } },
    icon: 'https://mail.google.com/icon.png',
    silent: true,
  },
  hasClose: true,
  xInstanceOf: true,
}

async function apiCheck(m: Margen): Promise<{ page: Page; result: ApiCheck }> {
  const page = await openFixture(m, 'mail.google.com', '/api-check.html')
  await page.waitForFunction(() => window.result !== undefined)
  return { page, result: (await page.evaluate(() => window.result))! }
}

/** What the page's globals say about themselves, and whether a new object is a stand-in. */
const surface = (page: Page) =>
  page.evaluate(() => {
    const n = new Notification('surface', { tag: 'surface' })
    const own = Object.getOwnPropertyNames(n).includes('title')
    n.close()
    return {
      name: Notification.name,
      length: Notification.length,
      source: String(Notification),
      showSource: String(ServiceWorkerRegistration.prototype.showNotification),
      permission: Notification.permission,
      maxActions: typeof (Notification as unknown as { maxActions: unknown }).maxActions,
      protoCtor: Notification.prototype.constructor === Notification,
      standIn: own,
    }
  })

describe('Notification API surface', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  it('reads back like the native API outside a session (real objects)', async () => {
    const { page, result } = await apiCheck(m)
    expect(result).toMatchObject(EXPECTED)
    expect(typeof result.maxActions).toBe('number')
    const s = await surface(page)
    expect(s).toMatchObject({ name: 'Notification', length: 1, permission: 'granted' })
    expect(s).toMatchObject({ maxActions: 'number', protoCtor: true, standIn: false })
    expect(s.source).toContain('[native code]')
    expect(s.showSource).toContain('[native code]')
    await page.close()
  })

  it('keeps `Notification.permission` live', async () => {
    const page = await openFixture(m, 'mail.google.com')
    expect(await page.evaluate(() => Notification.permission)).toBe('granted')
    await m.context.clearPermissions()
    try {
      expect(await page.evaluate(() => Notification.permission)).toBe('default')
    } finally {
      for (const h of m.server.hosts)
        await m.context.grantPermissions(['notifications'], { origin: `https://${h}` })
    }
    expect(await page.evaluate(() => Notification.permission)).toBe('granted')
    await page.close()
  })

  it('reads back the same during a session (held stand-ins)', async () => {
    const session = await ctl.start()
    const { page, result } = await apiCheck(m)
    expect(result).toMatchObject(EXPECTED)
    expect(typeof result.maxActions).toBe('number')
    const s = await surface(page)
    expect(s).toMatchObject({ name: 'Notification', length: 1, permission: 'granted' })
    expect(s).toMatchObject({ maxActions: 'number', protoCtor: true, standIn: true })
    expect(s.source).toContain('[native code]')
    const row = await ctl.capture((c) => c.title === 'Title text' && c.sessionId === session.id)
    expect(row).toMatchObject({ verdict: 'hold', tag: 'tag-1', body: 'Body text' })
    await page.close()
  })

  it('gives stand-ins working on* handlers, listeners and close()', async () => {
    await ctl.start()
    const page = await openFixture(m, 'mail.google.com')
    const seen = await page.evaluate(() => {
      const log: string[] = []
      const n = new Notification('Handlers', { tag: 'handlers' })
      n.onclick = (e) => log.push(`onclick:${e.type}:${e.target === n}`)
      n.addEventListener('click', () => log.push('listener:click'))
      n.dispatchEvent(new Event('click'))
      n.onclick = null
      n.dispatchEvent(new Event('click'))
      n.onclose = () => log.push('onclose')
      n.addEventListener('close', () => log.push('listener:close'))
      n.onerror = () => log.push('onerror')
      n.onshow = () => log.push('onshow')
      n.close()
      n.close()
      return {
        log,
        handlers: [typeof n.onclose, typeof n.onerror, typeof n.onshow, n.onclick],
        instance: n instanceof Notification && n instanceof EventTarget,
      }
    })
    expect(seen).toEqual({
      log: ['onclick:click:true', 'listener:click', 'listener:click', 'onclose', 'listener:close'],
      handlers: ['function', 'function', 'function', null],
      instance: true,
    })
    await page.close()
  })
})
