/**
 * The only piece of state content scripts may read: until when the current quiet period runs.
 * It lives alone in `storage.local` under QUIET_KEY; settings, clients and captures live in the
 * extension's IndexedDB, which no content script can open.
 */
import { z } from 'zod'

export const QUIET_KEY = 'quiet'

export const QuietState = z.object({ quietUntil: z.number().min(0) })
export type QuietState = z.infer<typeof QuietState>

/** Reads the stored value; anything malformed counts as "no quiet period". */
export function readQuietState(stored: unknown): QuietState {
  const parsed = QuietState.safeParse(stored)
  return parsed.success ? parsed.data : { quietUntil: 0 }
}
