/**
 * Storage ran out and a capture could not be saved (background/storage-full.ts): said here, with
 * how much old history went, until dismissed. Read from storage.local, which the background
 * writes because IndexedDB may be what is full.
 */
import { useEffect, useState } from 'preact/hooks'
import { STORAGE_FULL_KEY, StorageFull } from '../../background/storage-full'
import { useApp } from '../app-context'
import { loadBrowser } from '../runtime'

export function StorageNotice() {
  const { i18n } = useApp()
  const [notice, setNotice] = useState<StorageFull | null>(null)
  useEffect(() => {
    let live = true
    void loadBrowser().then(async (browser) => {
      const raw = browser && (await browser.storage.local.get(STORAGE_FULL_KEY))[STORAGE_FULL_KEY]
      const parsed = StorageFull.safeParse(raw)
      if (live && parsed.success) setNotice(parsed.data)
    })
    return () => {
      live = false
    }
  }, [])
  if (!notice) return null
  const when = new Date(notice.at).toLocaleString(i18n.lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const dismiss = async () => {
    setNotice(null)
    await (await loadBrowser())?.storage.local.remove(STORAGE_FULL_KEY)
  }
  return (
    <div class="alert storage-full" role="status">
      <p>{i18n.t('popup_storageFull', when, String(notice.pruned))}</p>
      <button type="button" class="btn btn-quiet" onClick={dismiss}>
        {i18n.t('ui_dismiss')}
      </button>
    </div>
  )
}
