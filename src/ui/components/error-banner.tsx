/** The last command's failure, announced, until dismissed or replaced by a success. */
import { useApp } from '../app-context'

export function ErrorBanner({ error, onDismiss }: { error: string | null; onDismiss: () => void }) {
  const { i18n } = useApp()
  return (
    <div role="alert" class="alert-slot">
      {error && (
        <div class="alert">
          <p>{error}</p>
          <button type="button" class="btn btn-quiet" onClick={onDismiss}>
            {i18n.t('ui_dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
