/**
 * The review's filters: client (or unknown senders), site, and a range of days. Choices list
 * only what is waiting, each with its count, so a filter never leads to an empty page.
 */
import type { Ref } from 'preact'
import { type Facet, isFiltered, type ReviewFilter, UNKNOWN_CLIENT } from '../../core/review/filter'
import type { ReviewClient } from '../../core/review/group'
import { useApp } from '../app-context'
import { siteLabel } from '../components/display'

interface Props {
  filter: ReviewFilter
  facets: { clients: Facet[]; sites: Facet[] }
  clients: ReadonlyMap<string, ReviewClient>
  onChange: (filter: ReviewFilter) => void
  firstRef: Ref<HTMLSelectElement>
}

export function Filters({ filter, facets, clients, onChange, firstRef }: Props) {
  const { i18n } = useApp()
  const set = (change: Partial<ReviewFilter>) => onChange({ ...filter, ...change })
  const option = (name: string, count: number) => i18n.t('rq_option', name, i18n.number(count))
  // A chosen value with nothing left waiting stays listed, so the select still shows it.
  const withChosen = (list: Facet[], value: string) =>
    value === '' || list.some((f) => f.value === value) ? list : [...list, { value, count: 0 }]
  const clientName = (value: string) =>
    value === UNKNOWN_CLIENT ? i18n.t('rq_clientUnknown') : (clients.get(value)?.name ?? value)

  return (
    <fieldset class="rq-filters">
      <legend class="visually-hidden">{i18n.t('rq_filters')}</legend>
      <label class="rq-field">
        <span>{i18n.t('rq_client')}</span>
        <select
          ref={firstRef}
          value={filter.client}
          onChange={(e) => set({ client: e.currentTarget.value })}
        >
          <option value="">{i18n.t('rq_clientAll')}</option>
          {withChosen(facets.clients, filter.client).map((f) => (
            <option key={f.value} value={f.value}>
              {option(clientName(f.value), f.count)}
            </option>
          ))}
        </select>
      </label>
      <label class="rq-field">
        <span>{i18n.t('rq_site')}</span>
        <select value={filter.site} onChange={(e) => set({ site: e.currentTarget.value })}>
          <option value="">{i18n.t('rq_siteAll')}</option>
          {withChosen(facets.sites, filter.site).map((f) => (
            <option key={f.value} value={f.value}>
              {option(siteLabel(i18n, f.value), f.count)}
            </option>
          ))}
        </select>
      </label>
      <label class="rq-field">
        <span>{i18n.t('rq_from')}</span>
        <input
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onInput={(e) => set({ from: e.currentTarget.value })}
        />
      </label>
      <label class="rq-field">
        <span>{i18n.t('rq_to')}</span>
        <input
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          onInput={(e) => set({ to: e.currentTarget.value })}
        />
      </label>
      {isFiltered(filter) && (
        <button
          type="button"
          class="btn btn-quiet rq-clear"
          onClick={() => set({ client: '', site: '', from: '', to: '' })}
        >
          {i18n.t('rq_clear')}
        </button>
      )}
    </fieldset>
  )
}
