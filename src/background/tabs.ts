/**
 * Muting the watched sites' tabs during a session. Margen only ever unmutes tabs it muted itself
 * (`mutedInfo.extensionId`), so a tab the user muted stays muted.
 */
import { SITE_MATCHES, siteForUrl } from '../core/sites'
import type { BgBrowser } from './ports'

export function createTabMuter(browser: BgBrowser) {
  const mutedByUs = (tab: {
    mutedInfo?: { muted: boolean; reason?: string; extensionId?: string }
  }) =>
    tab.mutedInfo?.muted === true &&
    tab.mutedInfo.reason === 'extension' &&
    tab.mutedInfo.extensionId === browser.runtime.id

  async function muteTab(tab: { id?: number; mutedInfo?: { muted: boolean } }) {
    if (tab.id === undefined || tab.mutedInfo?.muted) return
    await browser.tabs.update(tab.id, { muted: true }).catch(() => undefined)
  }

  return {
    async muteAll(unwatched: ReadonlySet<string>) {
      const tabs = await browser.tabs.query({ url: [...SITE_MATCHES] })
      await Promise.all(
        tabs.filter((t) => !unwatched.has(siteForUrl(t.url)?.id ?? '')).map(muteTab),
      )
    },
    async unmuteOurs() {
      const tabs = await browser.tabs.query({})
      await Promise.all(
        tabs
          .filter(mutedByUs)
          .map((t) => browser.tabs.update(t.id as number, { muted: false }).catch(() => undefined)),
      )
    },
    /** A watched site opened or navigated to during a session is muted too. */
    async muteIfWatched(
      tab: { id?: number; url?: string; mutedInfo?: { muted: boolean } },
      unwatched: ReadonlySet<string>,
    ) {
      const site = siteForUrl(tab.url)
      if (site && !unwatched.has(site.id)) await muteTab(tab)
    },
  }
}
