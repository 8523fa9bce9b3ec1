/** Top interrupters, by client or by site: a horizontal stacked bar chart, then its table. */
import { useMemo } from 'preact/hooks'
import type { Top } from '../../core/insights'
import { useApp } from '../app-context'
import { ChartCanvas } from './chart-canvas'
import { topConfig } from './configs'
import { NumbersTable } from './numbers-table'
import type { ChartTheme } from './theme'

interface Props {
  id: string
  heading: string
  /** The first column's header: "Client" or "Site". */
  keyHeader: string
  top: Top
  name: (key: string) => string
  theme: ChartTheme
}

export function TopChart({ id, heading, keyHeader, top, name, theme }: Props) {
  const { i18n } = useApp()
  const lines = useMemo(
    () => [
      ...top.lines.map((l) => ({ ...l, name: name(l.key) })),
      ...(top.rest
        ? [{ ...top.rest, key: '\u0000rest', name: i18n.tp('in_others', top.rest.keys) }]
        : []),
    ],
    [top, name, i18n],
  )
  const config = useMemo(
    () =>
      topConfig(
        i18n,
        theme,
        lines.map((l) => l.name),
        lines,
      ),
    [i18n, theme, lines],
  )
  const summary =
    lines.length === 0
      ? i18n.t('in_topSummaryEmpty', heading)
      : i18n.t(
          'in_topSummary',
          heading,
          lines
            .slice(0, 3)
            .map((l) => `${l.name} ${i18n.number(l.captures)}`)
            .join(', '),
        )
  return (
    <section class="in-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} class="in-card-title">
        {heading}
      </h2>
      {lines.length === 0 ? (
        <p class="empty">{i18n.t('in_nothing')}</p>
      ) : (
        <ChartCanvas
          config={config}
          label={summary}
          height={Math.max(140, 44 + lines.length * 34)}
        />
      )}
      <NumbersTable
        caption={heading}
        corner={keyHeader}
        columns={[
          { label: i18n.t('in_statCaptures') },
          { label: i18n.t('in_statHeld') },
          { label: i18n.t('in_statBreakthroughs') },
          { label: i18n.t('in_statDelivered') },
        ]}
        rows={lines.map((l) => ({
          key: l.key,
          label: l.name,
          values: [l.captures, l.held, l.breakthroughs, l.delivered],
        }))}
      />
    </section>
  )
}
