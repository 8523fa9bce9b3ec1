/**
 * The review's commands to the background: open, mark done, snooze, not urgent. Long id lists
 * go in messages of at most 10,000 (the background's limit per message), one after the other.
 * Keeps what the page says about them: the last failure, and the last snooze ("until when").
 */
import { useCallback, useState } from 'preact/hooks'
import type { Reply, UiMsg } from '../../core/messages'
import { chunk } from '../../core/review/rows'
import { useApp } from '../app-context'
import { UNREACHABLE } from '../connector'

export interface Snoozed {
  count: number
  until: number
}

export function useReviewActions() {
  const { connector, i18n } = useApp()
  const [error, setError] = useState<string | null>(null)
  const [snoozed, setSnoozed] = useState<Snoozed | null>(null)

  const send = useCallback(
    async (msg: UiMsg): Promise<Reply | null> => {
      const reply = await connector.send(msg)
      if (reply.ok) {
        setError(null)
        return reply
      }
      setError(
        reply.error === UNREACHABLE
          ? i18n.t('ui_errorUnreachable')
          : i18n.t('ui_error', reply.error),
      )
      return null
    },
    [connector, i18n],
  )

  /** Sends `make(part)` for each part of `ids`; stops at the first refusal. */
  const inChunks = useCallback(
    async (ids: readonly number[], make: (part: number[]) => UiMsg): Promise<Reply[]> => {
      const replies: Reply[] = []
      for (const part of chunk(ids)) {
        const reply = await send(make(part))
        if (!reply) break
        replies.push(reply)
      }
      return replies
    },
    [send],
  )

  return {
    send,
    error,
    dismiss: () => setError(null),
    snoozed,
    clearSnoozed: () => setSnoozed(null),
    open: (id: number) => send({ type: 'ui/open-capture', id }),
    done: (ids: readonly number[]) =>
      ids.length ? inChunks(ids, (part) => ({ type: 'ui/mark-done', ids: part })) : null,
    notUrgent: (change: { ids: number[]; notUrgent: boolean }) =>
      inChunks(change.ids, (part) => ({
        type: 'ui/mark-not-urgent',
        ids: part,
        notUrgent: change.notUrgent,
      })),
    snooze: async (ids: readonly number[]) => {
      if (ids.length === 0) return
      const replies = await inChunks(ids, (part) => ({ type: 'ui/snooze', ids: part }))
      let count = 0
      let until = 0
      for (const r of replies) {
        const { changed, until: back } = r as { changed?: unknown; until?: unknown }
        if (typeof changed === 'number') count += changed
        if (typeof back === 'number') until = Math.max(until, back)
      }
      if (replies.length > 0) setSnoozed({ count, until })
    },
  }
}

export type ReviewActions = ReturnType<typeof useReviewActions>
