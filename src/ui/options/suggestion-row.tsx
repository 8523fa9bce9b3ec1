/**
 * One suggested sender: how often and where they wrote, the identity that would be added, and
 * "Add to client" with a choice of client (or a new one, named after the sender by default).
 * The background checks the change like any rules change; its refusal is shown on the row.
 */
import { useId, useState } from 'preact/hooks'
import type { Client } from '../../core/clients/schema'
import { suggestedIdentity } from '../../core/clients/suggest'
import type { RuleErrorCode } from '../../core/clients/validate'
import type { Reply } from '../../core/messages'
import type { Suggestion } from '../../store/clients'
import { useApp } from '../app-context'
import { siteLabel } from '../components/display'
import { UNREACHABLE } from '../connector'
import type { I18n, MessageKey } from '../i18n'

interface Props {
  suggestion: Suggestion
  clients: readonly Client[]
  /** A success, for the list's live status line (the row itself goes away). */
  onAdded: (status: string) => void
}

const NEW = ''

const REFUSALS: Partial<Record<RuleErrorCode, MessageKey>> = {
  'identity-duplicate': 'sg_errDuplicate',
  'duplicate-name': 'sg_errName',
  'name-empty': 'sg_errNameEmpty',
  'too-many-identities': 'sg_errTooMany',
}

/** The refusal in the user's words: the known codes, else the background's own text. */
function refusal(i18n: I18n, reply: Extract<Reply, { ok: false }>): string {
  for (const e of reply.errors ?? []) {
    const code = (e as { code?: RuleErrorCode } | null)?.code
    const key = code && REFUSALS[code]
    if (key) return i18n.t(key)
  }
  return reply.error === UNREACHABLE
    ? i18n.t('ui_errorUnreachable')
    : i18n.t('ui_error', reply.error)
}

function identityText(i18n: I18n, s: Suggestion): string {
  const site = siteLabel(i18n, s.site)
  if (s.idKind === 'email') return i18n.t('sg_idEmail', s.idValue)
  return i18n.t(s.idKind === 'handle' ? 'sg_idHandle' : 'sg_idName', s.idValue, site)
}

export function SuggestionRow({ suggestion: s, clients, onAdded }: Props) {
  const { connector, i18n } = useApp()
  const ids = useId()
  const [target, setTarget] = useState(NEW)
  const [newName, setNewName] = useState(s.sender)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  // A client removed since it was chosen: fall back to a new one rather than send a stale id.
  const clientId = clients.some((c) => c.id === target) ? target : NEW

  const add = async () => {
    setBusy(true)
    const reply = await connector.send({
      type: 'ui/client-add-identity',
      clientId,
      ...(clientId === NEW && { newName: newName.trim() }),
      identity: suggestedIdentity(s),
    })
    setBusy(false)
    if (!reply.ok) return setError(refusal(i18n, reply))
    setError('')
    const name = clients.find((c) => c.id === clientId)?.name ?? newName.trim()
    onAdded(i18n.t('sg_added', s.sender, name))
  }

  return (
    <li class="suggestion">
      <div class="suggestion-who">
        <p>
          <span class="sender">{s.sender}</span>{' '}
          <span class="meta">
            {i18n.t('ui_siteCount', siteLabel(i18n, s.site), i18n.tp('sg_count', s.count))}
          </span>
        </p>
        <p class="meta suggestion-id">{identityText(i18n, s)}</p>
      </div>
      <div class="suggestion-add">
        <label class="visually-hidden" for={`${ids}-client`}>
          {i18n.t('sg_target', s.sender)}
        </label>
        <select
          id={`${ids}-client`}
          value={clientId}
          onChange={(e) => setTarget(e.currentTarget.value)}
        >
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value={NEW}>{i18n.t('sg_newClient')}</option>
        </select>
        {clientId === NEW && (
          <>
            <label class="visually-hidden" for={`${ids}-name`}>
              {i18n.t('sg_newName')}
            </label>
            <input
              id={`${ids}-name`}
              type="text"
              maxLength={80}
              value={newName}
              onInput={(e) => setNewName(e.currentTarget.value)}
            />
          </>
        )}
        <button
          type="button"
          class="btn"
          disabled={busy}
          aria-label={i18n.t('sg_addLabel', s.sender)}
          onClick={() => void add()}
        >
          {i18n.t('sg_add')}
        </button>
      </div>
      {error && (
        <p class="field-error suggestion-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
