/** Sizes Margen keeps of page data. Longer values are cut by the hook, anything bigger is refused. */
export const LIMITS = {
  title: 500,
  body: 2_000,
  tag: 200,
  icon: 2_000,
  /** Notification `data`, kept as JSON text. */
  data: 4_000,
  ref: 64,
  /** Captures accepted from one tab per minute; beyond this they are counted, not stored. */
  capturesPerTabPerMinute: 120,
  /** A whole message from a content script, as JSON. */
  messageBytes: 16_000,
} as const
