/**
 * The explanation of a stored capture's verdict. A row keeps its client's id and the rule that
 * fired; the client's name and tier come from the current settings (live), so a renamed client
 * reads with its new name and a deleted one falls back to the sender.
 */
import { useMemo } from 'preact/hooks'
import type { CaptureRow } from '../../store/db'
import { readSettings } from '../../store/settings'
import { useApp } from '../app-context'
import { siteLabel } from '../components/display'
import { explainWhy } from '../components/why'
import { useLiveQuery } from '../hooks/use-live-query'

export type Explain = (
  row: Pick<CaptureRow, 'why' | 'verdict' | 'sender' | 'clientId' | 'site'>,
) => string

export function useExplain(): Explain {
  const { db, i18n } = useApp()
  const stored = useLiveQuery(() => readSettings(db), [db])
  const clients = stored.value?.settings.rules.clients
  return useMemo(() => {
    const byId = new Map((clients ?? []).map((c) => [c.id, c]))
    return (row) => {
      const client = row.clientId ? byId.get(row.clientId) : undefined
      return explainWhy(i18n, {
        why: row.why,
        verdict: row.verdict,
        sender: row.sender,
        client: client?.name,
        tier: client?.tier,
        site: siteLabel(i18n, row.site),
      })
    }
  }, [clients, i18n])
}
