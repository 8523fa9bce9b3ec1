/** A `<time>` element showing a clock time in the UI language, with the machine-readable instant. */
import { useApp } from '../app-context'

export function TimeAt({ ms, class: className }: { ms: number; class?: string }) {
  const { i18n } = useApp()
  return (
    <time class={className} dateTime={new Date(ms).toISOString()}>
      {i18n.time(ms)}
    </time>
  )
}
