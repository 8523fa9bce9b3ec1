/** The toolbar badge and tooltip: one colour per state, the count that matters in that state. */
import type { SessionRow } from '../store/db'
import type { BgBrowser, Text } from './ports'

export const BADGE_COLORS = { focus: '#5b3fbf', review: '#b45309' } as const

export interface BadgeState {
  active: SessionRow | undefined
  heldInSession: number
  unreviewed: number
}

export async function renderBadge(browser: BgBrowser, text: Text, s: BadgeState): Promise<void> {
  const { action } = browser
  if (s.active) {
    await action.setBadgeBackgroundColor({ color: BADGE_COLORS.focus })
    await action.setBadgeText({ text: s.heldInSession > 0 ? String(s.heldInSession) : ' ' })
    await action.setTitle({
      title: text.t('bg_titleFocus', [text.time(s.active.endsAt), String(s.heldInSession)]),
    })
  } else if (s.unreviewed > 0) {
    await action.setBadgeBackgroundColor({ color: BADGE_COLORS.review })
    await action.setBadgeText({ text: s.unreviewed > 999 ? '999+' : String(s.unreviewed) })
    await action.setTitle({ title: text.t('bg_titleReview', String(s.unreviewed)) })
  } else {
    await action.setBadgeText({ text: '' })
    await action.setTitle({ title: text.t('bg_titleOpen') })
  }
}
