/**
 * The explanation of a stored capture's verdict. A row keeps its client's id and the rule that
 * fired; the client's name and tier come from the current settings (live), so a renamed client
 * reads with its new name and a deleted one falls back to the sender.
 */
import { useMemo } from 'preact/hooks'
import type { Client } from '../../core/clients/schema'
import type { CaptureRow } from '../../store/db'
import { useApp } from '../app-context'
import { siteLabel } from '../components/display'
import { explainWhy } from '../components/why'
import type { I18n } from '../i18n'

export type Explain = (
  row: Pick<CaptureRow, 'why' | 'verdict' | 'sender' | 'clientId' | 'site'>,
) => string

export function makeExplain(i18n: I18n, clients: ReadonlyMap<string, Client>): Explain {
  return (row) => {
    const client = row.clientId ? clients.get(row.clientId) : undefined
    return explainWhy(i18n, {
      why: row.why,
      verdict: row.verdict,
      sender: row.sender,
      client: client?.name,
      tier: client?.tier,
      site: siteLabel(i18n, row.site),
    })
  }
}

/** Explanations with the clients the page already read with its captures (one read for both). */
export function useExplain(clients: ReadonlyMap<string, Client>): Explain {
  const { i18n } = useApp()
  return useMemo(() => makeExplain(i18n, clients), [clients, i18n])
}
