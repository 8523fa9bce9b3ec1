/**
 * The notice after stored settings were repaired (store/settings): what was reset or left out,
 * that a copy of the original is kept, and a Dismiss button. Shown by the popup and the options
 * page until dismissed; read live, so it appears as soon as the background stores a repair.
 */
import { useId } from 'preact/hooks'
import type { Repair } from '../../core/settings'
import { readSettingsNotice } from '../../store/settings'
import { useApp } from '../app-context'
import { useCommand } from '../hooks/use-command'
import { useLiveQuery } from '../hooks/use-live-query'
import type { I18n, MessageKey } from '../i18n'

const FIX: Record<Repair['fix'], MessageKey> = {
  default: 'rp_fixDefault',
  'left-out': 'rp_fixLeftOut',
  removed: 'rp_fixRemoved',
}

const AREA: Record<string, MessageKey> = {
  '(settings)': 'rp_areaAll',
  version: 'rp_areaVersion',
  schedule: 'rp_areaSchedule',
  'schedule.workingHours': 'rp_areaHours',
  'schedule.offHours': 'rp_areaOffHours',
  unwatched: 'rp_areaSites',
  rules: 'rp_areaRules',
  'rules.emergency': 'rp_areaEmergency',
  'rules.keywords': 'rp_areaKeywords',
  'rules.emergencyChannel': 'rp_areaChannel',
  history: 'rp_areaHistory',
}

/** The part of the settings a repair touched, in the user's words: "Client 3 (Acme)". */
export function areaOf(repair: Repair, i18n: I18n): string {
  const parts = repair.path.split('.')
  // An unknown field is named by the part it was found in (the top level: all settings).
  if (repair.fix === 'removed') parts.pop()
  if (parts.length === 0) return i18n.t('rp_areaAll')
  const [top = '', second = '', third] = parts
  const nth = Number(third)
  const item = (key: MessageKey) => {
    const base = i18n.t(key, Number.isInteger(nth) ? nth + 1 : '')
    return repair.label ? `${base} (${repair.label})` : base
  }
  if (top === 'schedule' && second === 'blocks')
    return third === undefined ? i18n.t('rp_areaBlocks') : item('rp_areaBlock')
  if (top === 'rules' && second === 'clients')
    return third === undefined ? i18n.t('rp_areaClients') : item('rp_areaClient')
  const key = AREA[`${top}.${second}`] ?? AREA[top]
  return key ? i18n.t(key) : repair.path
}

/** How many repairs a small page lists before "and N more". */
const SHORT_LIST = 5

export function SettingsNotice({ short = false }: { short?: boolean }) {
  const { db, i18n } = useApp()
  const ids = useId()
  const notice = useLiveQuery(() => readSettingsNotice(db), [db])
  const command = useCommand()
  const value = notice.value
  if (!value) return null
  const shown = short ? value.repairs.slice(0, SHORT_LIST) : value.repairs
  const more = value.repairs.length - shown.length
  return (
    <section class="notice" role="status" aria-labelledby={`${ids}-title`} data-settings-notice>
      <h2 id={`${ids}-title`} class="notice-title">
        {i18n.t('rp_title')}
      </h2>
      <p>{i18n.t('rp_intro')}</p>
      <ul class="notice-list">
        {shown.map((r, i) => (
          <li key={`${i}-${r.path}`} title={r.problem}>
            {i18n.t(FIX[r.fix], areaOf(r, i18n))} <code>{r.path}</code>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="more">{i18n.tp('rp_more', more)}</p>}
      <p class="hint">{i18n.t('rp_backup', value.backupKey)}</p>
      {command.error && <p class="alert">{command.error}</p>}
      <button
        type="button"
        class="btn btn-quiet"
        disabled={command.busy}
        onClick={() => void command.send({ type: 'ui/settings-notice-dismiss' })}
      >
        {i18n.t('ui_dismiss')}
      </button>
    </section>
  )
}
