/**
 * Renders a page component the way its entry file would, with a real Dexie database on
 * fake-indexeddb (one per test, by name), the English messages and a fixed clock.
 */
import { render } from '@testing-library/preact'
import type { ComponentChild } from 'preact'
import type { MargenDb } from '../../store/db'
import { AppContext, type AppDeps } from '../app-context'
import { createI18n } from '../i18n'
import { english } from '../i18n-english'
import { createFakeConnector, type FakeConnector } from './fake-connector'

export { addCaptures, capture, session, testDb } from './rows'

export interface Rendered extends ReturnType<typeof render> {
  connector: FakeConnector
  deps: AppDeps
}

export function renderApp(
  ui: ComponentChild,
  opts: { db: MargenDb; now: number; connector?: FakeConnector },
): Rendered {
  const connector = opts.connector ?? createFakeConnector()
  const deps: AppDeps = { db: opts.db, connector, i18n: createI18n(english), now: () => opts.now }
  const result = render(<AppContext.Provider value={deps}>{ui}</AppContext.Provider>)
  return { ...result, connector, deps }
}
