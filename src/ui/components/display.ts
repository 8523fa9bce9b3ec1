/** How a capture reads in the UI: plain text (Messenger sends JSON objects) and its site's name. */

import { floodMinutes } from '../../core/flood'
import { siteById } from '../../core/sites'
import { plainText } from '../../core/sites/text'
import type { CaptureRow } from '../../store/db'
import type { I18n } from '../i18n'

export function siteLabel(i18n: I18n, siteId: string): string {
  return siteById(siteId)?.label ?? i18n.t('ui_unknownSite')
}

const LABEL_MAX = 80

export interface CaptureText {
  /** The main line. */
  title: string
  /** The second line, or ''. */
  body: string
  /** A short form of the main line, for accessible names of buttons. */
  label: string
}

/**
 * Items are listed under their sender, and most sites put the sender in the title: then the
 * title says nothing new, and the body becomes the main line.
 */
export function captureText(
  i18n: I18n,
  row: Pick<CaptureRow, 'title' | 'body' | 'sender' | 'flood'>,
): CaptureText {
  // A flood entry has no page text: it says how many were counted (its sender is the site).
  if (row.flood) {
    const main = i18n.tp('ui_flood', row.flood.count, row.sender, floodMinutes(row.flood))
    return { title: main, body: '', label: main }
  }
  const title = plainText(row.title)
  const body = plainText(row.body)
  const isSender = title.slice(0, 120).toLowerCase() === row.sender.toLowerCase()
  const main = (isSender ? body || title : title || body) || i18n.t('ui_untitled')
  const second = isSender || !title ? '' : body
  const label = main.length > LABEL_MAX ? `${main.slice(0, LABEL_MAX - 1)}…` : main
  return { title: main, body: second, label }
}
