/** The one notification at a session's end. Its id is the session's, so showing it twice replaces it. */
import { digestLine, digestOf } from '../core/digest'
import type { CaptureStore } from '../store/captures'
import type { SessionRow } from '../store/db'
import type { BgBrowser, Text } from './ports'

export const DIGEST_PREFIX = 'digest:'

export async function showDigest(
  browser: BgBrowser,
  text: Text,
  captures: CaptureStore,
  session: SessionRow,
  late: boolean,
): Promise<void> {
  const digest = digestOf(await captures.heldInSession(session.id))
  const senders = text.t(
    digest.senders === 1 ? 'bg_senders_one' : 'bg_senders_other',
    String(digest.senders),
  )
  const message =
    digest.total === 0
      ? text.t('bg_digestNone')
      : text.t('bg_digestSummary', [String(digest.total), senders, digestLine(digest)])
  await browser.notifications.create(`${DIGEST_PREFIX}${session.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: text.t(late ? 'bg_digestTitleLate' : 'bg_digestTitle'),
    message,
    contextMessage: text.t('bg_digestContext', [
      text.time(session.startedAt),
      text.time(session.endedAt),
    ]),
    priority: 1,
  })
}
