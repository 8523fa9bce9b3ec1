/**
 * A client's breakthrough options (core/decide.ts, rule 5). A low-tolerance client never uses
 * them, so they are shown disabled with the reason rather than hidden: the values come back if
 * the tier changes again.
 */
import type { Client } from '../../../core/clients/schema'
import { SITES } from '../../../core/sites'
import { useApp } from '../../app-context'
import { fieldId, numberFrom, numberTo, REPEAT_ON } from './draft'
import { RuleFieldErrors, useRuleField } from './errors'

interface Props {
  path: string
  client: Client
  emergencyChannel: string
  onChange: (client: Client) => void
}

export function BreakthroughOptions({ path, client, emergencyChannel, onChange }: Props) {
  const { i18n } = useApp()
  const off = client.tier === 'low-tolerance'
  const base = fieldId(path)
  const explainId = `${base}-lowtol`
  const keywords = useRuleField(`${path}.keywords`)
  const repeat = useRuleField(`${path}.repeat`)
  const count = useRuleField(`${path}.repeat.count`)
  const minutes = useRuleField(`${path}.repeat.minutes`)
  const channel = useRuleField(`${path}.channel`, `${base}-channel-hint`)
  const quota = useRuleField(`${path}.quota`, `${base}-quota-hint`)
  const site = SITES.find((s) => s.id === emergencyChannel)?.label

  return (
    <fieldset class="options-set" disabled={off} aria-describedby={off ? explainId : undefined}>
      <legend>{i18n.t('cl_breakthroughLegend')}</legend>
      {off && (
        <p id={explainId} class="lowtol-note">
          {i18n.t('cl_lowToleranceExplain')}
        </p>
      )}
      <label class="check">
        <input
          {...keywords}
          type="checkbox"
          checked={client.keywords}
          onChange={(e) => onChange({ ...client, keywords: e.currentTarget.checked })}
        />
        {i18n.t('cl_optKeywords')}
      </label>
      <div class="option-group">
        <label class="check">
          <input
            {...repeat}
            type="checkbox"
            checked={client.repeat !== null}
            onChange={(e) =>
              onChange({ ...client, repeat: e.currentTarget.checked ? { ...REPEAT_ON } : null })
            }
          />
          {i18n.t('cl_optRepeat')}
        </label>
        {client.repeat !== null && (
          <div class="option-fields">
            <div class="field">
              <label for={count.id}>{i18n.t('cl_repeatCount')}</label>
              <input
                {...count}
                type="number"
                min={2}
                max={20}
                step={1}
                value={numberTo(client.repeat.count)}
                onInput={(e) =>
                  client.repeat &&
                  onChange({
                    ...client,
                    repeat: { ...client.repeat, count: numberFrom(e.currentTarget.value) },
                  })
                }
              />
              <RuleFieldErrors field={`${path}.repeat.count`} />
            </div>
            <div class="field">
              <label for={minutes.id}>{i18n.t('cl_repeatMinutes')}</label>
              <input
                {...minutes}
                type="number"
                min={1}
                max={240}
                step={1}
                value={numberTo(client.repeat.minutes)}
                onInput={(e) =>
                  client.repeat &&
                  onChange({
                    ...client,
                    repeat: { ...client.repeat, minutes: numberFrom(e.currentTarget.value) },
                  })
                }
              />
              <RuleFieldErrors field={`${path}.repeat.minutes`} />
            </div>
            {Number.isFinite(client.repeat.count) && Number.isFinite(client.repeat.minutes) && (
              <p class="hint">
                {i18n.t('cl_repeatHelp', client.repeat.count, client.repeat.minutes)}
              </p>
            )}
          </div>
        )}
        <RuleFieldErrors field={`${path}.repeat`} />
      </div>
      <div class="option-group">
        <label class="check">
          <input
            {...channel}
            type="checkbox"
            checked={client.channel}
            onChange={(e) => onChange({ ...client, channel: e.currentTarget.checked })}
          />
          {i18n.t('cl_optChannel')}
        </label>
        <p id={`${base}-channel-hint`} class="hint">
          {site ? i18n.t('cl_optChannelSite', site) : i18n.t('cl_optChannelNone')}
        </p>
      </div>
      <div class="field field-quota">
        <label for={quota.id}>{i18n.t('cl_quota')}</label>
        <input
          {...quota}
          type="number"
          min={0}
          max={50}
          step={1}
          value={numberTo(client.quota)}
          onInput={(e) => onChange({ ...client, quota: numberFrom(e.currentTarget.value) })}
        />
        <p id={`${base}-quota-hint`} class="hint">
          {i18n.t('cl_quotaHelp')}
        </p>
        <RuleFieldErrors field={`${path}.quota`} />
      </div>
    </fieldset>
  )
}
