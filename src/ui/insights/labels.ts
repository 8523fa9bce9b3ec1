/**
 * Names on the insights page: days and weeks (calendar day numbers, formatted in UTC so that the
 * number is the date), weekdays from Monday, hours, clients and sites.
 */
import type { Bucket, Granularity } from '../../core/insights'
import { DAY } from '../../core/insights/zone'
import { siteLabel } from '../components/display'
import type { I18n } from '../i18n'

export interface Labels {
  bucket(b: Pick<Bucket, 'first' | 'last'>): string
  /** Monday = 0. */
  weekday(i: number): string
  weekdayLong(i: number): string
  hour(h: number): string
  /** "09:00–10:00", in the locale's clock. */
  hourSpan(h: number): string
  client(id: string): string
  site(id: string): string
}

/** 1970-01-05 was a Monday. */
const MONDAY = 4

export function createLabels(
  i18n: I18n,
  g: Granularity,
  clients: readonly { id: string; name: string }[],
): Labels {
  const utc = { timeZone: 'UTC' } as const
  const dayFmt = new Intl.DateTimeFormat(i18n.lang, {
    ...utc,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  })
  const rangeFmt = new Intl.DateTimeFormat(i18n.lang, { ...utc, day: 'numeric', month: 'short' })
  const wdShort = new Intl.DateTimeFormat(i18n.lang, { ...utc, weekday: 'short' })
  const wdLong = new Intl.DateTimeFormat(i18n.lang, { ...utc, weekday: 'long' })
  const hourFmt = new Intl.DateTimeFormat(i18n.lang, { ...utc, hour: 'numeric' })
  const timeFmt = new Intl.DateTimeFormat(i18n.lang, { ...utc, hour: 'numeric', minute: '2-digit' })
  const names = new Map(clients.map((c) => [c.id, c.name]))
  return {
    bucket: (b) =>
      g === 'day' || b.first === b.last
        ? dayFmt.format(b.first * DAY)
        : rangeFmt.formatRange(b.first * DAY, b.last * DAY),
    weekday: (i) => wdShort.format((MONDAY + i) * DAY),
    weekdayLong: (i) => wdLong.format((MONDAY + i) * DAY),
    hour: (h) => hourFmt.format(h * 3_600_000),
    hourSpan: (h) => timeFmt.formatRange(h * 3_600_000, (h + 1) * 3_600_000),
    client: (id) =>
      id === '' ? i18n.t('in_noClient') : (names.get(id) ?? i18n.t('in_removedClient')),
    site: (id) => siteLabel(i18n, id),
  }
}
