/**
 * The one way extension pages talk to the background. Messages are checked against `UiMsg`
 * before they leave, and every outcome (a refusal, a dead background, an odd reply) comes back
 * as a `Reply`, so the page can show it instead of failing silently.
 */
import { z } from 'zod'
import { type Reply, UiMsg } from '../core/messages'

export type SendMessage = (message: unknown) => Promise<unknown>
export type FailedReply = Extract<Reply, { ok: false }>

export interface Connector {
  send(msg: UiMsg): Promise<Reply>
}

/** The error of a reply when the background could not be reached at all. */
export const UNREACHABLE = 'unreachable'

const ReplyShape = z.union([
  z.looseObject({ ok: z.literal(true) }),
  z.looseObject({ ok: z.literal(false), error: z.string() }),
])

const fail = (error: string): FailedReply => ({ ok: false, error })

export function createConnector(sendMessage: SendMessage): Connector {
  return {
    async send(msg) {
      const parsed = UiMsg.safeParse(msg)
      if (!parsed.success) return fail(`invalid UI message: ${z.prettifyError(parsed.error)}`)
      let raw: unknown
      try {
        raw = await sendMessage(parsed.data)
      } catch (err) {
        // Chrome's wording when no listener exists: "Could not establish connection. Receiving end does not exist."
        const text = err instanceof Error ? err.message : String(err)
        return fail(/receiving end does not exist/i.test(text) ? UNREACHABLE : text)
      }
      const reply = ReplyShape.safeParse(raw)
      if (!reply.success)
        return fail(raw === undefined ? UNREACHABLE : 'unexpected reply from the background')
      return reply.data as Reply
    },
  }
}

/** For pages opened outside the extension: every command fails plainly. */
export const unreachableConnector: Connector = { send: async () => fail(UNREACHABLE) }
