/** Sizes Margen keeps of page data. Longer values are cut by the hook, anything bigger is refused. */
// Separate constants, so that the hook's bundle carries only the ones it uses.
export const TITLE_MAX = 500
export const BODY_MAX = 2_000
export const TAG_MAX = 200
export const ICON_MAX = 2_000
/** Notification `data`, kept as JSON text. */
export const DATA_MAX = 4_000
export const REF_MAX = 64

export const LIMITS = {
  title: TITLE_MAX,
  body: BODY_MAX,
  tag: TAG_MAX,
  icon: ICON_MAX,
  data: DATA_MAX,
  ref: REF_MAX,
  /** Captures accepted from one tab per minute; beyond this they are counted, not stored. */
  capturesPerTabPerMinute: 120,
  /** A whole message from a content script, as JSON. */
  messageBytes: 16_000,
  /** A whole message from Margen's own pages: settings with up to 1,000 clients of 50 identities. */
  uiMessageBytes: 8_000_000,
  /** Captures already shown by the page, sent to the background together (one message). */
  deliveredPerMessage: 20,
} as const
