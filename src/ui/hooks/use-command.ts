/**
 * Sends commands to the background through the connector and keeps what the UI shows about
 * them: whether one is under way, and the last failure until it is dismissed.
 */
import { useCallback, useState } from 'preact/hooks'
import type { UiMsg } from '../../core/messages'
import { useApp } from '../app-context'
import { UNREACHABLE } from '../connector'

export function useCommand() {
  const { connector, i18n } = useApp()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const send = useCallback(
    async (msg: UiMsg): Promise<boolean> => {
      setBusy(true)
      try {
        const reply = await connector.send(msg)
        if (reply.ok) {
          setError(null)
          return true
        }
        setError(
          reply.error === UNREACHABLE
            ? i18n.t('ui_errorUnreachable')
            : i18n.t('ui_error', reply.error),
        )
        return false
      } finally {
        setBusy(false)
      }
    },
    [connector, i18n],
  )

  return { send, busy, error, setError, dismiss: () => setError(null) }
}
