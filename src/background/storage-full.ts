/**
 * A capture that could not be written (storage quota exceeded, or any failed transaction). The
 * capture handler then delivers it rather than lose it; this makes room by the retention policy
 * before the one retry, and tells the user: a notification (at most once a day) and a notice the
 * popup shows until dismissed. Both live in `storage.local`, not IndexedDB, which may be what is
 * full.
 */
import { z } from 'zod'
import type { BgDeps, Text } from './ports'

/** The popup's notice: when space last ran out, and how many old captures were deleted. */
export const STORAGE_FULL_KEY = 'storageFull'
export const StorageFull = z.object({
  at: z.number(),
  pruned: z.number().int().min(0),
})
export type StorageFull = z.infer<typeof StorageFull>

/** When the user was last notified (ms); kept when the popup's notice is dismissed. */
const TOLD_KEY = 'storageFullToldAt'
export const STORAGE_FULL_NOTICE = 'margen:storage-full'

const TELL_EVERY_MS = 24 * 60 * 60_000
/** A flood's failed batch makes room once, not once per capture. */
const ROOM_EVERY_MS = 60_000

export function createStorageRelief(
  { browser, now }: Pick<BgDeps, 'browser' | 'now'>,
  text: Text,
  makeRoom: () => Promise<number>,
  count: (key: string) => void,
) {
  let running: Promise<void> | undefined
  let roomMadeAt = Number.NEGATIVE_INFINITY

  async function tell(pruned: number): Promise<void> {
    const at = now()
    const items = await browser.storage.local.get([STORAGE_FULL_KEY, TOLD_KEY])
    const before = StorageFull.safeParse(items[STORAGE_FULL_KEY])
    const total = (before.success ? before.data.pruned : 0) + pruned
    await browser.storage.local.set({ [STORAGE_FULL_KEY]: { at, pruned: total } })
    const told = z.number().safeParse(items[TOLD_KEY])
    if (told.success && at - told.data < TELL_EVERY_MS) return
    await browser.storage.local.set({ [TOLD_KEY]: at })
    await browser.notifications.create(STORAGE_FULL_NOTICE, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: text.t('bg_storageFullTitle'),
      message: text.t('bg_storageFullMessage', String(pruned)),
      priority: 1,
    })
  }

  async function relieve(): Promise<void> {
    let pruned = 0
    if (now() - roomMadeAt >= ROOM_EVERY_MS) {
      roomMadeAt = now()
      pruned = await makeRoom().catch((error: unknown) => {
        console.warn('[margen] could not make room', error)
        return 0
      })
      count('store:room-made')
    }
    await tell(pruned).catch((error: unknown) => console.warn('[margen] storage notice', error))
  }

  /** Makes room and tells the user; concurrent failures share one run. */
  return (): Promise<void> => {
    running ??= relieve().finally(() => {
      running = undefined
    })
    return running
  }
}
