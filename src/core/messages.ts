/**
 * Every message that crosses a context, one zod schema per type, named by direction:
 *   page→bridge (`PageMsg`), bridge→page (`DownMsg`), content→background (`ContentMsg`),
 *   UI→background (`UiMsg`), background→content (`BgToContentMsg`).
 * TypeScript types are inferred from the schemas, never written by hand.
 */
import { z } from 'zod'
import { LIMITS } from './limits'

const text = (max: number) => z.string().max(max)

/** What the hook reports about one notification. `held` says whether the page got a stand-in. */
export const PageCapture = z.strictObject({
  ref: z.string().min(1).max(LIMITS.ref),
  api: z.enum(['ctor', 'sw']),
  mode: z.enum(['delivered', 'pending']),
  title: text(LIMITS.title),
  body: text(LIMITS.body),
  tag: text(LIMITS.tag),
  icon: text(LIMITS.icon),
  data: text(LIMITS.data),
})
export type PageCapture = z.infer<typeof PageCapture>

/** hook → bridge */
export const PageMsg = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('cap'), cap: PageCapture }),
  /** Sent synchronously in answer to a `click`: whether the page still had that notification. */
  z.strictObject({ k: z.literal('ack'), ref: z.string().max(LIMITS.ref), ok: z.boolean() }),
])
export type PageMsg = z.infer<typeof PageMsg>

/** bridge → hook */
export const DownMsg = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('state'), quietUntil: z.number() }),
  z.strictObject({
    k: z.literal('verdict'),
    ref: z.string(),
    verdict: z.enum(['deliver', 'hold']),
  }),
  z.strictObject({ k: z.literal('click'), ref: z.string() }),
])
export type DownMsg = z.infer<typeof DownMsg>

const dropCount = z.number().int().min(1).max(LIMITS.droppedCountMax).optional()
/** Traffic on the private channel the bridge refused, by reason (content/bridge/start.ts). */
export const PageDrops = z.strictObject({
  notString: dropCount,
  tooBig: dropCount,
  badJson: dropCount,
  badShape: dropCount,
})
export type PageDrop = keyof z.infer<typeof PageDrops>

/** content script → background */
export const ContentMsg = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('content/capture'),
    cap: PageCapture,
    /** Set by the bridge when it sends a capture again after the worker stopped mid-way. */
    retry: z.number().int().min(1).max(3).optional(),
  }),
  /** Notifications the page already showed, logged together: one message for a burst. */
  z.strictObject({
    type: z.literal('content/delivered'),
    caps: z
      .array(PageCapture.extend({ mode: z.literal('delivered') }))
      .min(1)
      .max(LIMITS.deliveredPerMessage),
  }),
  /**
   * Captures over the bridge's own cap (core/flood-gate.ts), only counted. The bridge makes it
   * from its own count of real API calls; the page cannot send it, only make it bigger by calling.
   */
  z.strictObject({
    type: z.literal('content/flood'),
    count: z.number().int().min(1).max(LIMITS.floodCountMax),
  }),
  /**
   * Traffic on the private channel the bridge refused, by reason (content/bridge/start.ts),
   * summed over about a second. Only counted (`dropped:page:<reason>`): it carries no page data.
   */
  z.strictObject({ type: z.literal('content/dropped'), dropped: PageDrops }),
])
export type ContentMsg = z.infer<typeof ContentMsg>

/** background → content script */
export const BgToContentMsg = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bg/click'), ref: z.string().max(LIMITS.ref) }),
])
export type BgToContentMsg = z.infer<typeof BgToContentMsg>

const captureId = z.number().int().positive()

/** extension pages → background */
export const UiMsg = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ui/focus-start'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(12 * 60)
      .optional(),
    until: z.number().int().positive().optional(),
  }),
  z.strictObject({ type: z.literal('ui/focus-end') }),
  z.strictObject({ type: z.literal('ui/focus-extend'), minutes: z.number().int().min(1).max(240) }),
  z.strictObject({ type: z.literal('ui/open-capture'), id: captureId }),
  z.strictObject({ type: z.literal('ui/mark-done'), ids: z.array(captureId).min(1).max(10_000) }),
  /** The whole settings object; the background validates it (core/settings, validateSchedule). */
  z.strictObject({ type: z.literal('ui/settings-save'), settings: z.unknown() }),
  /** Clients and breakthrough rules only; the background validates them (validateRules). */
  z.strictObject({ type: z.literal('ui/rules-save'), rules: z.unknown() }),
  /**
   * One click from a suggestion: add an identity to a client, or to a new client named
   * `newName` when `clientId` is ''. Checked like any rules change.
   */
  z.strictObject({
    type: z.literal('ui/client-add-identity'),
    clientId: z.string().max(40),
    newName: z.string().max(80).optional(),
    identity: z.unknown(),
  }),
  /** Claimed urgencies the user judged not urgent (or takes that back): the cry-wolf ratio. */
  z.strictObject({
    type: z.literal('ui/mark-not-urgent'),
    ids: z.array(captureId).min(1).max(10_000),
    notUrgent: z.boolean(),
  }),
  /** Held items out of the review until the next open period; the background says when. */
  z.strictObject({ type: z.literal('ui/snooze'), ids: z.array(captureId).min(1).max(10_000) }),
  /** A settings file: taken whole or refused whole, with every problem listed. */
  z.strictObject({ type: z.literal('ui/settings-import'), settings: z.unknown() }),
  /** Every capture, and every ended session. The page asks for confirmation first. */
  z.strictObject({ type: z.literal('ui/history-delete') }),
  /** The user read the notice of repaired settings (the backup of the original stays). */
  z.strictObject({ type: z.literal('ui/settings-notice-dismiss') }),
  /** How long history is kept, and the minutes an interruption costs (settings.history). */
  z.strictObject({
    type: z.literal('ui/history-save'),
    retentionDays: z.number(),
    interruptionMinutes: z.number(),
  }),
  /** Past local days (day numbers) the insights page found no usable summary for. */
  z.strictObject({
    type: z.literal('ui/insights-summarize'),
    days: z.array(z.number().int()).min(1).max(3660),
  }),
])
export type UiMsg = z.infer<typeof UiMsg>

export const Verdict = z.enum(['deliver', 'hold'])
export type Verdict = z.infer<typeof Verdict>

/** The reason codes of DESIGN.md's glossary. */
export const Reason = z.enum([
  'open',
  'emergency-sender',
  'emergency-channel',
  'repeat',
  'urgent-keyword',
  'block',
  'off-hours',
])
export type Reason = z.infer<typeof Reason>

export const CaptureReply = z.strictObject({
  ok: z.literal(true),
  id: z.number().optional(),
  verdict: Verdict,
  reason: Reason,
})
export type CaptureReply = z.infer<typeof CaptureReply>

export const ClickReply = z.strictObject({ ok: z.literal(true), clicked: z.boolean() })
export type ClickReply = z.infer<typeof ClickReply>

export type Reply =
  | CaptureReply
  | ClickReply
  | { ok: true; [key: string]: unknown }
  | { ok: false; error: string; errors?: unknown[] }
