/** What every page component reads: the database, the connector, the text and the clock. */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { MargenDb } from '../store/db'
import type { Connector } from './connector'
import type { I18n } from './i18n'

export interface AppDeps {
  db: MargenDb
  connector: Connector
  i18n: I18n
  now: () => number
}

export const AppContext = createContext<AppDeps | null>(null)

export function useApp(): AppDeps {
  const deps = useContext(AppContext)
  if (!deps) throw new Error('useApp() outside <AppContext.Provider>')
  return deps
}
