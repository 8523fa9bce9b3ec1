/**
 * What the schedule alone does not say about quiet periods: the manual session and the periods
 * ended early ("end now"). Taken from the background's own reading (quiet-now.ts reads only the
 * database), so that a try "now" during a focus session started by hand is held as a real
 * notification would be.
 */
import { quietNow } from '../../background/quiet-now'
import type { QuietOptions } from '../../core/schedule'
import type { MargenDb } from '../../store/db'

export async function quietOptionsAt(db: MargenDb, at: number): Promise<QuietOptions> {
  return (await quietNow(db, at)).opts
}
