/**
 * Reaching Margen's ISOLATED world in a page from outside the product, over CDP, to instrument
 * it (nothing in dist/ is changed). Contexts of an extension's content scripts are reported with
 * `auxData.type === 'isolated'` and the extension's origin.
 */
import type { CDPSession, Page } from 'playwright-core'

interface ContextDescription {
  id: number
  origin: string
  name: string
  auxData?: { type?: string; isDefault?: boolean; frameId?: string }
}

export interface IsolatedWorld {
  cdp: CDPSession
  contextId: number
  /** Evaluates `expression` in Margen's isolated world and returns its (JSON) value. */
  evaluate<T>(expression: string): Promise<T>
  detach(): Promise<void>
}

/** All execution contexts of the page's main frame, as CDP reports them after Runtime.enable. */
async function contextsOf(page: Page): Promise<{ cdp: CDPSession; list: ContextDescription[] }> {
  const cdp = await page.context().newCDPSession(page)
  const list: ContextDescription[] = []
  cdp.on('Runtime.executionContextCreated', (e) => void list.push(e.context))
  await cdp.send('Runtime.enable')
  // Existing contexts are reported as events before Runtime.enable returns; give stragglers a tick.
  await new Promise((r) => setTimeout(r, 50))
  return { cdp, list }
}

const isMargen = (c: ContextDescription, extensionId: string) =>
  c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`

/** Whether Margen has an isolated world in this page at all (the control host must have none). */
export async function hasMargenWorld(page: Page, extensionId: string): Promise<boolean> {
  const { cdp, list } = await contextsOf(page)
  await cdp.detach()
  return list.some((c) => isMargen(c, extensionId))
}

export async function margenWorld(page: Page, extensionId: string): Promise<IsolatedWorld> {
  const { cdp, list } = await contextsOf(page)
  const frameId = list.find((c) => c.auxData?.isDefault)?.auxData?.frameId
  const world = list.find((c) => isMargen(c, extensionId) && c.auxData?.frameId === frameId)
  if (!world) {
    await cdp.detach()
    const seen = list.map((c) => `${c.name || '(default)'} ${c.origin}`).join('; ')
    throw new Error(`no Margen isolated world in ${page.url()} (contexts: ${seen})`)
  }
  return {
    cdp,
    contextId: world.id,
    async evaluate<T>(expression: string): Promise<T> {
      const r = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression,
        returnByValue: true,
        awaitPromise: true,
      })
      if (r.exceptionDetails) {
        const text = r.exceptionDetails.exception?.description ?? r.exceptionDetails.text
        throw new Error(`isolated-world evaluate failed: ${text}`)
      }
      return r.result.value as T
    },
    detach: () => cdp.detach(),
  }
}
