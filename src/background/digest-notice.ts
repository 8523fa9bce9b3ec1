/**
 * The one notification at a session's end, summarised by client, with Review and Dismiss
 * buttons. Its id is the session's, so showing it twice replaces it. A browser without
 * notification buttons (Firefox) gets the same notification without them: a click reviews.
 */
import { digestLine, digestOf } from '../core/digest'
import type { CaptureStore } from '../store/captures'
import type { MargenDb, SessionRow } from '../store/db'
import { readSettings } from '../store/settings'
import type { BgBrowser, Text } from './ports'

export const DIGEST_PREFIX = 'digest:'

/** The digest's buttons, in order: their index is what `onButtonClicked` reports. */
export const DIGEST_BUTTONS = ['review', 'dismiss'] as const

export async function showDigest(
  browser: BgBrowser,
  text: Text,
  deps: { db: MargenDb; captures: CaptureStore },
  session: SessionRow,
  late: boolean,
): Promise<void> {
  const { settings } = await readSettings(deps.db)
  const names = new Map(settings.rules.clients.map((c) => [c.id, c.name]))
  const digest = digestOf(await deps.captures.heldInSession(session.id), names)
  const senders = text.t(
    digest.senders === 1 ? 'bg_senders_one' : 'bg_senders_other',
    text.number(digest.senders),
  )
  const others = (n: number) =>
    text.t(n === 1 ? 'bg_digestOthers_one' : 'bg_digestOthers_other', text.number(n))
  const message =
    digest.total === 0
      ? text.t('bg_digestNone')
      : text.t('bg_digestSummary', [
          text.number(digest.total),
          senders,
          digestLine(digest, others, text.number),
        ])
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: text.t(late ? 'bg_digestTitleLate' : 'bg_digestTitle'),
    message,
    contextMessage: text.t('bg_digestContext', [
      text.time(session.startedAt),
      text.time(session.endedAt),
    ]),
    priority: 1,
  }
  const id = `${DIGEST_PREFIX}${session.id}`
  const buttons = [{ title: text.t('bg_digestReview') }, { title: text.t('bg_digestDismiss') }]
  try {
    // The polyfill's types follow Firefox, which has no buttons (and throws: hence the retry).
    await browser.notifications.create(id, { ...options, buttons } as typeof options)
  } catch {
    await browser.notifications.create(id, options)
  }
}
