/**
 * The clients: one row each (colour, name, tier, identities, cry-wolf ratio), opened for editing
 * in place. Removing asks first, since a client's identities go with it.
 */
import { useContext, useState } from 'preact/hooks'
import type { Client } from '../../../core/clients/schema'
import { cryWolfByClient } from '../../../store/clients'
import { useApp } from '../../app-context'
import { useLiveQuery } from '../../hooks/use-live-query'
import { ClientEditor, tierKey } from './client-editor'
import { clientOf } from './draft'
import { clientName } from './error-text'
import { RulesErrorsContext } from './errors'

interface Props {
  clients: readonly Client[]
  emergencyChannel: string
  /** Ids of the clients whose editor is open. */
  open: ReadonlySet<string>
  onToggle: (id: string) => void
  onChange: (clients: Client[]) => void
}

export const panelId = (id: string) => `cl-client-${id}`
const editId = (id: string) => `cl-edit-${id}`

export function ClientList({ clients, emergencyChannel, open, onToggle, onChange }: Props) {
  const { db, i18n } = useApp()
  const { errors, rules } = useContext(RulesErrorsContext)
  const cry = useLiveQuery(() => cryWolfByClient(db), [db]).value
  const [confirming, setConfirming] = useState<string | null>(null)
  const [removed, setRemoved] = useState<string | null>(null)

  const cancel = (id: string) => {
    setConfirming(null)
    setTimeout(() => document.getElementById(`cl-remove-${id}`)?.focus())
  }
  const remove = (index: number) => {
    const client = clients[index]
    if (!client) return
    onChange(clients.filter((_, i) => i !== index))
    setConfirming(null)
    setRemoved(client.name.trim() || i18n.t('cl_clientNumber', index + 1))
    const next = clients[index + 1] ?? clients[index - 1]
    setTimeout(() => document.getElementById(next ? editId(next.id) : 'cl-add-client')?.focus())
  }

  return (
    <>
      <p class="status" role="status">
        {removed ? i18n.t('cl_removed', removed) : ''}
      </p>
      {clients.length === 0 ? (
        <p class="empty">{i18n.t('cl_noClients')}</p>
      ) : (
        <ul class="client-list">
          {clients.map((c, i) => {
            const name = clientName(i18n, rules, i)
            const isOpen = open.has(c.id)
            const wolf = cry?.get(c.id)
            const invalid = errors.some((e) => clientOf(e.path) === i)
            return (
              <li key={c.id} class={invalid ? 'client-item client-invalid' : 'client-item'}>
                <div class="client-head">
                  <span class="client-swatch" style={{ background: c.colour }} aria-hidden="true" />
                  <div class="client-summary">
                    <h4 class="client-name">{name}</h4>
                    <p class="meta">
                      <span>{i18n.t(tierKey(c.tier))}</span>
                      <span>{i18n.tp('cl_identities', c.identities.length)}</span>
                    </p>
                    {wolf && wolf.claims > 0 && (
                      <p class="meta cry-wolf">
                        {i18n.tp('cl_cryWolf', wolf.claims, i18n.number(wolf.notUrgent))}
                      </p>
                    )}
                  </div>
                  <div class="client-actions">
                    <button
                      type="button"
                      id={editId(c.id)}
                      class="btn"
                      aria-expanded={isOpen}
                      aria-controls={panelId(c.id)}
                      aria-label={i18n.t('cl_editLabel', name)}
                      onClick={() => onToggle(c.id)}
                    >
                      {i18n.t('cl_edit')} <span class="chevron" aria-hidden="true" />
                    </button>
                    <button
                      type="button"
                      id={`cl-remove-${c.id}`}
                      class="btn btn-quiet"
                      aria-label={i18n.t('cl_removeLabel', name)}
                      onClick={() => {
                        setConfirming(c.id)
                        setTimeout(() => document.getElementById(`cl-confirm-${c.id}`)?.focus())
                      }}
                    >
                      {i18n.t('cl_remove')}
                    </button>
                  </div>
                </div>
                {confirming === c.id && (
                  <fieldset
                    class="confirm"
                    onKeyDown={(e) => {
                      if (e.key !== 'Escape') return
                      e.preventDefault()
                      cancel(c.id)
                    }}
                  >
                    <legend>{i18n.t('cl_confirmRemove', name)}</legend>
                    <div class="confirm-actions">
                      <button
                        type="button"
                        id={`cl-confirm-${c.id}`}
                        class="btn btn-danger"
                        onClick={() => remove(i)}
                      >
                        {i18n.t('cl_remove')}
                      </button>
                      <button type="button" class="btn btn-quiet" onClick={() => cancel(c.id)}>
                        {i18n.t('cl_cancel')}
                      </button>
                    </div>
                  </fieldset>
                )}
                <div id={panelId(c.id)} hidden={!isOpen}>
                  {isOpen && (
                    <ClientEditor
                      index={i}
                      client={c}
                      emergencyChannel={emergencyChannel}
                      onChange={(changed) =>
                        onChange(clients.map((x, j) => (j === i ? changed : x)))
                      }
                    />
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}
