/**
 * The clients form: the client list (with CSV import), the emergency senders, the urgent
 * keywords and the emergency channel, saved together as `ui/rules-save`. It is a form of its
 * own, apart from the schedule's, with its own errors and save bar.
 */
import { useId, useState } from 'preact/hooks'
import type { Client, Rules } from '../../../core/clients/schema'
import { SITES } from '../../../core/sites'
import { useApp } from '../../app-context'
import { ErrorBanner } from '../../components/error-banner'
import { SaveBar } from '../save-bar'
import { ClientList } from './client-list'
import { CsvImport } from './csv-import'
import { blankClient, clientOf, fieldId, newClientId } from './draft'
import {
  focusRuleField,
  RuleFieldErrors,
  RulesErrorSummary,
  RulesErrorsContext,
  useRuleField,
} from './errors'
import { IdentityRows } from './identity-rows'
import { KeywordList } from './keyword-list'
import { useRulesDraft } from './use-rules-draft'

const withIds = (open: ReadonlySet<string>, ids: readonly string[]) => new Set([...open, ...ids])

export function ClientsEditor() {
  const { i18n } = useApp()
  const ids = useId()
  const model = useRulesDraft()
  const { draft, errors } = model
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const [importing, setImporting] = useState(false)

  if (draft === null) {
    return model.stored.error !== undefined ? (
      <p class="alert">{i18n.t('opt_readError', String(model.stored.error))}</p>
    ) : (
      <p class="muted">{i18n.t('ui_loading')}</p>
    )
  }

  const clientIds = (paths: readonly string[]) =>
    paths.flatMap((p) => draft.clients[clientOf(p)]?.id ?? [])
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const setClients = (clients: Client[]) => model.edit({ ...draft, clients })
  const addClient = () => {
    const client = blankClient('', draft.clients.length, newClientId())
    setClients([...draft.clients, client])
    setOpen((s) => withIds(s, [client.id]))
    setTimeout(() =>
      document.getElementById(fieldId(`clients.${draft.clients.length}.name`))?.focus(),
    )
  }
  /** From the summary: open the client the field is in, then focus the field. */
  const go = (field: string) => {
    setOpen((s) => withIds(s, clientIds([field])))
    setTimeout(() => focusRuleField(field))
  }
  const submit = async (e: Event) => {
    e.preventDefault()
    const outcome = await model.save()
    if (outcome.saved) return
    // Every client with an error opens, so each error sits next to its field.
    setOpen((s) => withIds(s, clientIds(outcome.errors.map((e) => e.path))))
    if (outcome.errors.length > 0)
      setTimeout(() => document.getElementById(`${ids}-summary`)?.focus())
  }

  return (
    <RulesErrorsContext.Provider value={{ errors, rules: draft }}>
      <form class="part-form" onSubmit={submit} noValidate>
        <RulesErrorSummary id={`${ids}-summary`} onGo={go} />
        <ErrorBanner error={model.failure} onDismiss={model.dismissFailure} />
        <section class="card" aria-labelledby={`${ids}-clients`}>
          <h3 id={`${ids}-clients`} class="card-title">
            {i18n.t('cl_clientsHeading')}
          </h3>
          <p class="hint">{i18n.t('cl_clientsHelp')}</p>
          <ClientList
            clients={draft.clients}
            emergencyChannel={draft.emergencyChannel}
            open={open}
            onToggle={toggle}
            onChange={setClients}
          />
          <RuleFieldErrors field="clients" />
          <div class="card-actions">
            <button type="button" id="cl-add-client" class="btn" onClick={addClient}>
              {i18n.t('cl_addClient')}
            </button>
            <button
              type="button"
              class="btn btn-quiet"
              aria-expanded={importing}
              aria-controls={`${ids}-import`}
              onClick={() => setImporting(!importing)}
            >
              {i18n.t('cl_importOpen')} <span class="chevron" aria-hidden="true" />
            </button>
          </div>
          <div id={`${ids}-import`} hidden={!importing}>
            {importing && <CsvImport rules={draft} onImport={model.edit} />}
          </div>
        </section>
        <section class="card" aria-labelledby={`${ids}-emergency`}>
          <h3 id={`${ids}-emergency`} class="card-title">
            {i18n.t('cl_emergencyHeading')}
          </h3>
          <p class="hint">{i18n.t('cl_emergencyHelp')}</p>
          <IdentityRows
            path="emergency"
            identities={draft.emergency}
            onChange={(emergency) => model.edit({ ...draft, emergency })}
            of="emergency"
          />
        </section>
        <section class="card" aria-labelledby={`${ids}-keywords`}>
          <h3 id={`${ids}-keywords`} class="card-title">
            {i18n.t('cl_keywordsHeading')}
          </h3>
          <p class="hint">{i18n.t('cl_keywordsHelp')}</p>
          <KeywordList
            keywords={draft.keywords}
            onChange={(keywords) => model.edit({ ...draft, keywords })}
          />
        </section>
        <ChannelCard
          rules={draft}
          onChange={(emergencyChannel) => model.edit({ ...draft, emergencyChannel })}
        />
        <SaveBar
          label={i18n.t('cl_save')}
          status={model.status}
          dirty={model.dirty}
          errors={errors.length}
        />
      </form>
    </RulesErrorsContext.Provider>
  )
}

function ChannelCard({
  rules,
  onChange,
}: {
  rules: Rules
  onChange: (site: Rules['emergencyChannel']) => void
}) {
  const { i18n } = useApp()
  const ids = useId()
  const field = useRuleField('emergencyChannel', `${ids}-help`)
  return (
    <section class="card" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`} class="card-title">
        {i18n.t('cl_channelHeading')}
      </h3>
      <p id={`${ids}-help`} class="hint">
        {i18n.t('cl_channelHelp')}
      </p>
      <div class="field field-channel">
        <label for={field.id}>{i18n.t('cl_channelSelect')}</label>
        <select
          {...field}
          value={rules.emergencyChannel}
          onChange={(e) => onChange(e.currentTarget.value as Rules['emergencyChannel'])}
        >
          <option value="">{i18n.t('cl_channelNone')}</option>
          {SITES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <RuleFieldErrors field="emergencyChannel" />
      </div>
    </section>
  )
}
