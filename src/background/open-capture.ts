/**
 * "Open" on a held item: bring its tab forward and dispatch `click` on the stand-in the page
 * still holds, so the site's own handler opens the right conversation. If the tab is gone or has
 * moved to another site, open the site instead.
 */

import { type BgToContentMsg, ClickReply } from '../core/messages'
import { siteById } from '../core/sites'
import type { CaptureRow } from '../store/db'
import type { BgBrowser } from './ports'

export type OpenResult = 'clicked' | 'focused' | 'opened'

export async function openCapture(browser: BgBrowser, row: CaptureRow): Promise<OpenResult> {
  const tab = await browser.tabs.get(row.tabId).catch(() => undefined)
  const sameSite = tab?.url !== undefined && safeOrigin(tab.url) === safeOrigin(row.pageUrl)
  if (tab?.id !== undefined && sameSite) {
    await browser.tabs.update(tab.id, { active: true })
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true })
    if (row.api !== 'ctor') return 'focused'
    const msg: BgToContentMsg = { type: 'bg/click', ref: row.ref }
    // The page may have reloaded since: then the notification is gone and focusing is all we can do.
    const reply = await browser.tabs
      .sendMessage(tab.id, msg, { frameId: row.frameId })
      .catch(() => undefined)
    return ClickReply.safeParse(reply).data?.clicked ? 'clicked' : 'focused'
  }
  await browser.tabs.create({ url: row.pageUrl || siteById(row.site)?.home || 'about:blank' })
  return 'opened'
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return ''
  }
}
