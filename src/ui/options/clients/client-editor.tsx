/**
 * One client's fields. Changing the tier offers that tier's breakthrough options instead of
 * overwriting the ones the user chose; the choice stays in the draft until saved.
 */
import { useState } from 'preact/hooks'
import type { Client, Tier } from '../../../core/clients/schema'
import { useApp } from '../../app-context'
import { BreakthroughOptions } from './breakthrough-options'
import { fieldId, hasTierDefaults, numberFrom, numberTo, withTierDefaults } from './draft'
import { RuleFieldErrors, useRuleField } from './errors'
import { IdentityRows } from './identity-rows'

export const TIERS: Tier[] = ['priority', 'standard', 'low-tolerance']
export const tierKey = (t: Tier) =>
  t === 'low-tolerance' ? 'cl_tier_low_tolerance' : (`cl_tier_${t}` as const)

interface Props {
  index: number
  client: Client
  emergencyChannel: string
  onChange: (client: Client) => void
}

export function ClientEditor({ index, client, emergencyChannel, onChange }: Props) {
  const { i18n } = useApp()
  const [offer, setOffer] = useState<Tier | null>(null)
  const path = `clients.${index}`
  const base = fieldId(path)
  const name = useRuleField(`${path}.name`)
  const colour = useRuleField(`${path}.colour`)
  const tier = useRuleField(`${path}.tier`, `${base}-tier-hint`)
  const hours = useRuleField(`${path}.responseHours`, `${base}-hours-hint`)
  const note = useRuleField(`${path}.note`, `${base}-note-hint`)
  const tierHelp =
    client.tier === 'low-tolerance'
      ? 'cl_tierHelp_low_tolerance'
      : (`cl_tierHelp_${client.tier}` as const)

  const changeTier = (next: Tier) => {
    const changed = { ...client, tier: next }
    onChange(changed)
    setOffer(next !== 'low-tolerance' && !hasTierDefaults(changed) ? next : null)
  }

  return (
    <div class="client-editor">
      <div class="client-fields">
        <div class="field field-grow">
          <label for={name.id}>{i18n.t('cl_name')}</label>
          <input
            {...name}
            type="text"
            value={client.name}
            maxLength={80}
            autoComplete="off"
            onInput={(e) => onChange({ ...client, name: e.currentTarget.value })}
          />
          <RuleFieldErrors field={`${path}.name`} />
        </div>
        <div class="field">
          <label for={colour.id}>{i18n.t('cl_colour')}</label>
          <input
            {...colour}
            type="color"
            value={client.colour}
            onInput={(e) => onChange({ ...client, colour: e.currentTarget.value })}
          />
          <RuleFieldErrors field={`${path}.colour`} />
        </div>
        <div class="field">
          <label for={tier.id}>{i18n.t('cl_tier')}</label>
          <select
            {...tier}
            value={client.tier}
            onChange={(e) => changeTier(e.currentTarget.value as Tier)}
          >
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {i18n.t(tierKey(t))}
              </option>
            ))}
          </select>
          <RuleFieldErrors field={`${path}.tier`} />
        </div>
      </div>
      <p id={`${base}-tier-hint`} class="hint">
        {i18n.t(tierHelp)}
      </p>
      {offer && offer === client.tier && (
        <div class="tier-offer">
          <p>{i18n.t('cl_tierOffer', i18n.t(tierKey(offer)))}</p>
          <div class="tier-offer-actions">
            <button
              type="button"
              class="btn"
              onClick={() => {
                onChange(withTierDefaults(client))
                setOffer(null)
              }}
            >
              {i18n.t('cl_tierOfferYes')}
            </button>
            <button type="button" class="btn btn-quiet" onClick={() => setOffer(null)}>
              {i18n.t('cl_tierOfferNo')}
            </button>
          </div>
        </div>
      )}
      <fieldset class="identities-set">
        <legend>{i18n.t('cl_identitiesLegend')}</legend>
        <p class="hint">{i18n.t('cl_identitiesHelp')}</p>
        <IdentityRows
          path={`${path}.identities`}
          identities={client.identities}
          onChange={(identities) => onChange({ ...client, identities })}
          of="client"
        />
      </fieldset>
      <BreakthroughOptions
        path={path}
        client={client}
        emergencyChannel={emergencyChannel}
        onChange={onChange}
      />
      <div class="client-fields client-fields-end">
        <div class="field">
          <label for={hours.id}>{i18n.t('cl_responseHours')}</label>
          <input
            {...hours}
            type="number"
            min={1}
            max={168}
            step={1}
            value={numberTo(client.responseHours)}
            onInput={(e) =>
              onChange({ ...client, responseHours: numberFrom(e.currentTarget.value) })
            }
          />
          <p id={`${base}-hours-hint`} class="hint">
            {i18n.t('cl_responseHoursHelp')}
          </p>
          <RuleFieldErrors field={`${path}.responseHours`} />
        </div>
        <div class="field field-grow">
          <label for={note.id}>{i18n.t('cl_note')}</label>
          <textarea
            {...note}
            rows={2}
            maxLength={500}
            value={client.note}
            onInput={(e) => onChange({ ...client, note: e.currentTarget.value })}
          />
          <p id={`${base}-note-hint`} class="hint">
            {i18n.t('cl_noteHelp')}
          </p>
          <RuleFieldErrors field={`${path}.note`} />
        </div>
      </div>
    </div>
  )
}
