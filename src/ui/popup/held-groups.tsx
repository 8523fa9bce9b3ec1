/** Held items grouped by sender: count, site and latest time; a group expands to its items. */
import { useState } from 'preact/hooks'
import type { CaptureRow } from '../../store/db'
import { useApp } from '../app-context'
import { captureText, siteLabel } from '../components/display'
import { Msg } from '../components/msg'
import { TimeAt } from '../components/time-at'
import type { SenderGroup } from '../data/group'

export function HeldGroups({ groups }: { groups: SenderGroup[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (!next.delete(key)) next.add(key)
      return next
    })
  return (
    <ul class="groups">
      {groups.map((g, i) => (
        <Group
          key={g.key}
          group={g}
          index={i}
          expanded={open.has(g.key)}
          onToggle={() => toggle(g.key)}
        />
      ))}
    </ul>
  )
}

interface GroupProps {
  group: SenderGroup
  index: number
  expanded: boolean
  onToggle: () => void
}

function Group({ group, index, expanded, onToggle }: GroupProps) {
  const { i18n } = useApp()
  const listId = `held-group-${index}`
  return (
    <li class="group">
      <button
        type="button"
        class="group-toggle"
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={onToggle}
      >
        <span class="chevron" aria-hidden="true" />
        <span class="group-main">
          <span class="sender">{group.sender}</span>
          <span class="meta">
            <Msg
              k="ui_siteLatest"
              subs={[siteLabel(i18n, group.site), <TimeAt key="t" ms={group.latest} />]}
            />
          </span>
        </span>
        <span class="count">{i18n.tp('ui_count', group.count)}</span>
      </button>
      {expanded && (
        <ul id={listId} class="items" aria-label={i18n.t('ui_groupItems', group.sender)}>
          {group.items.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </ul>
      )}
    </li>
  )
}

function Item({ item }: { item: CaptureRow }) {
  const { i18n } = useApp()
  const text = captureText(i18n, item)
  return (
    <li class="item">
      <TimeAt class="item-time" ms={item.at} />
      <span class="item-text">
        <span class="item-title">{text.title}</span>
        {text.body && <span class="item-body">{text.body}</span>}
      </span>
    </li>
  )
}
