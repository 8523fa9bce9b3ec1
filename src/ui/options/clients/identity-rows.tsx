/**
 * A list of identities (a client's, or the emergency senders): kind, value, and optionally the
 * one site it counts on. Each row's controls are named by their row number, since the column
 * headings are only visual.
 */
import type { Identity, IdentityKind } from '../../../core/clients/schema'
import { SITES } from '../../../core/sites'
import { useApp } from '../../app-context'
import type { MessageKey } from '../../i18n'
import { fieldId, newIdentity } from './draft'
import { RuleFieldErrors, useRuleField } from './errors'

const KINDS: IdentityKind[] = ['email', 'domain', 'name', 'handle']

interface Props {
  /** `clients.2.identities` or `emergency`: the path errors use. */
  path: string
  identities: readonly Identity[]
  onChange: (identities: Identity[]) => void
  /** Whose rows: names each control ("Identity 2: value", "Emergency sender 2: value"). */
  of: 'client' | 'emergency'
}

const KEYS = {
  client: {
    kind: 'cl_identityKind',
    value: 'cl_identityValue',
    site: 'cl_identitySite',
    remove: 'cl_identityRemove',
    add: 'cl_addIdentity',
    empty: 'cl_noIdentities',
  },
  emergency: {
    kind: 'cl_emergencyKind',
    value: 'cl_emergencyValue',
    site: 'cl_emergencySite',
    remove: 'cl_emergencyRemove',
    add: 'cl_addEmergency',
    empty: 'cl_noEmergency',
  },
} as const satisfies Record<string, Record<string, MessageKey>>

type Keys = (typeof KEYS)[keyof typeof KEYS]

export function IdentityRows({ path, identities, onChange, of }: Props) {
  const keys = KEYS[of]
  const { i18n } = useApp()
  const whole = useRuleField(path)
  const set = (i: number, change: Partial<Identity>) =>
    onChange(identities.map((id, j) => (j === i ? { ...id, ...change } : id)))
  const add = () => {
    const last = identities[identities.length - 1]
    onChange([...identities, newIdentity(last?.kind)])
    setTimeout(() =>
      document.getElementById(fieldId(`${path}.${identities.length}.value`))?.focus(),
    )
  }
  const remove = (i: number) => {
    onChange(identities.filter((_, j) => j !== i))
    // Focus stays in the list: on the next row's remove button, or on "Add".
    setTimeout(() => {
      const rows = document.querySelectorAll<HTMLElement>(`#${whole.id} .identity-remove`)
      ;(rows[Math.min(i, rows.length - 1)] ?? document.getElementById(`${whole.id}-add`))?.focus()
    })
  }

  return (
    <div class="identities" id={whole.id}>
      {identities.length === 0 ? (
        <p class="empty">{i18n.t(keys.empty)}</p>
      ) : (
        <>
          <div class="identity-head" aria-hidden="true">
            <span>{i18n.t('cl_colKind')}</span>
            <span>{i18n.t('cl_colValue')}</span>
            <span>{i18n.t('cl_colSite')}</span>
          </div>
          <ul class="identity-list">
            {identities.map((id, i) => (
              <IdentityRow
                // Rows have no id of their own; the index is also what errors point at.
                key={i}
                path={`${path}.${i}`}
                n={i + 1}
                keys={keys}
                identity={id}
                onChange={(change) => set(i, change)}
                onRemove={() => remove(i)}
              />
            ))}
          </ul>
        </>
      )}
      <RuleFieldErrors field={path} />
      <button type="button" id={`${whole.id}-add`} class="btn" onClick={add}>
        {i18n.t(keys.add)}
      </button>
    </div>
  )
}

interface RowProps {
  path: string
  n: number
  keys: Keys
  identity: Identity
  onChange: (change: Partial<Identity>) => void
  onRemove: () => void
}

function IdentityRow({ path, n, keys, identity, onChange, onRemove }: RowProps) {
  const { i18n } = useApp()
  const kind = useRuleField(`${path}.kind`)
  const value = useRuleField(`${path}.value`)
  const site = useRuleField(`${path}.site`)
  return (
    <li class="identity-row">
      <select
        {...kind}
        aria-label={i18n.t(keys.kind, n)}
        value={identity.kind}
        onChange={(e) => onChange({ kind: e.currentTarget.value as IdentityKind })}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {i18n.t(`cl_kind_${k}`)}
          </option>
        ))}
      </select>
      <input
        {...value}
        type="text"
        inputMode={identity.kind === 'email' ? 'email' : 'text'}
        aria-label={i18n.t(keys.value, n)}
        placeholder={i18n.t(`cl_example_${identity.kind}`)}
        value={identity.value}
        maxLength={200}
        spellcheck={false}
        autoComplete="off"
        onInput={(e) => onChange({ value: e.currentTarget.value })}
      />
      <select
        {...site}
        aria-label={i18n.t(keys.site, n)}
        value={identity.site}
        onChange={(e) => onChange({ site: e.currentTarget.value as Identity['site'] })}
      >
        <option value="">{i18n.t('cl_anySite')}</option>
        {SITES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="btn btn-quiet identity-remove"
        aria-label={i18n.t(keys.remove, n)}
        title={i18n.t(keys.remove, n)}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
      <div class="identity-errors">
        <RuleFieldErrors field={`${path}.kind`} />
        <RuleFieldErrors field={`${path}.value`} />
        <RuleFieldErrors field={`${path}.site`} />
      </div>
    </li>
  )
}
