/**
 * A message whose placeholders are elements (a `<time>`, a strong count), in the order the
 * translation puts them. The text still comes whole from `_locales`.
 */
import type { ComponentChild } from 'preact'
import { useApp } from '../app-context'
import type { MessageKey } from '../i18n'

const OPEN = '\uE000'
const CLOSE = '\uE001'
const SLOT = /\uE000(\d)\uE001/

export function Msg({ k, subs }: { k: MessageKey; subs: ComponentChild[] }) {
  const { i18n } = useApp()
  const parts = i18n.t(k, ...subs.map((_, i) => `${OPEN}${i}${CLOSE}`)).split(SLOT)
  // split() with a capture group alternates text and slot numbers: text, 0, text, 1, text…
  return <>{parts.map((part, i) => (i % 2 === 0 ? part : subs[Number(part)]))}</>
}
