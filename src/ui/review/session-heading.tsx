/** A review section's heading: the block's day and times, or "outside a focus block". */
import type { ComponentChild } from 'preact'
import { useApp } from '../app-context'
import { Msg } from '../components/msg'
import { TimeAt } from '../components/time-at'
import type { SessionSection } from '../data/group'

export function SessionHeading({ section, id }: { section: SessionSection; id: string }) {
  const { i18n } = useApp()
  const s = section.session
  let content: ComponentChild
  if (section.sessionId === '') content = i18n.t('review_noSession')
  else if (s?.state === 'active') {
    content = (
      <Msg
        k="review_sessionActive"
        subs={[i18n.day(s.startedAt), <TimeAt key="s" ms={s.startedAt} />]}
      />
    )
  } else {
    // A session row that is gone still gets a heading, from its captures' own times.
    const start = s?.startedAt ?? section.first
    const end = s ? s.endedAt || s.endsAt : section.latest
    content = (
      <Msg
        k="review_sessionEnded"
        subs={[i18n.day(start), <TimeAt key="s" ms={start} />, <TimeAt key="e" ms={end} />]}
      />
    )
  }
  return (
    <h2 id={id} class="session-title">
      <span class="session-when">{content}</span>{' '}
      <span class="session-count">{i18n.tp('ui_count', section.count)}</span>
    </h2>
  )
}
