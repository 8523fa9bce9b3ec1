/** Where and when a capture happened, as every stored row says it (a flood entry's too). */
import type { QuietPeriod } from '../core/decide'
import type { Site } from '../core/sites'
import type { CaptureRow } from '../store/db'
import type { ContentSource } from './router'

export type Place = Pick<
  CaptureRow,
  'at' | 'sessionId' | 'site' | 'origin' | 'pageUrl' | 'tabId' | 'frameId'
>

/** The origin and tab come from the browser (`from`), never from the page's payload. */
export const placeOf = (
  site: Site,
  from: ContentSource,
  quiet: QuietPeriod | null,
  at: number,
): Place => ({
  at,
  sessionId: quiet?.id ?? '',
  site: site.id,
  origin: from.origin,
  pageUrl: from.tabUrl || from.url,
  tabId: from.tabId,
  frameId: from.frameId,
})
