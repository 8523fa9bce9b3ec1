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
  /**
   * Captures stored one by one from one tab per minute. A busy Slack or WhatsApp Web tab bursts a
   * few dozen a minute at most (a group chat waking up); 120 is twice that with room to spare.
   * Beyond it a tab is flooding: the rest are counted in one flood entry (core/flood.ts).
   */
  capturesPerTabPerMinute: 120,
  /**
   * Captures stored one by one from one origin per minute, over all its tabs and frames: a user
   * may keep several tabs of one site, but a site that opens tabs to get around the per-tab limit
   * stops here. Only captures within their tab's limit count against it, so one flooding tab
   * cannot use up its site's share and silence the user's other tabs of that site.
   */
  capturesPerOriginPerMinute: 300,
  /**
   * Captures one document's bridge sends to the background one by one per minute: a cheap cap in
   * the content script, so that 10,000 calls in one loop cost one runtime message, not 10,000.
   * Above the per-tab limit, so that the background's limits decide what is stored.
   */
  bridgeCapturesPerMinute: 150,
  /** A flood entry keeps counting while more arrive within this gap; after it, a new one starts. */
  floodGapMs: 10 * 60_000,
  /** The largest count one flood message from a bridge may carry. */
  floodCountMax: 1_000_000,
  /** The largest count of one reason of dropped page traffic a bridge reports at once (~1 s). */
  droppedCountMax: 10_000,
  /**
   * A whole message from a content script, as JSON: one capture with every field at its limit,
   * even when JSON writes each character as six (a control character or a lone surrogate becomes
   * `\u0001`), plus the keys. Anything smaller refuses captures the hook made within the limits,
   * and the bridge then drops a held one for good (found by payload.fuzz.test.ts).
   */
  messageBytes: 6 * (REF_MAX + TITLE_MAX + BODY_MAX + TAG_MAX + ICON_MAX + DATA_MAX) + 1_000,
  /** A whole message from Margen's own pages: settings with up to 1,000 clients of 50 identities. */
  uiMessageBytes: 8_000_000,
  /** Captures already shown by the page, sent to the background together (one message). */
  deliveredPerMessage: 20,
} as const
