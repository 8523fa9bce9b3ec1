/**
 * The settings and compiled rules the capture path decides with. Compiling happens once per
 * settings change: each capture reads only the small revision row, and reads and compiles the
 * settings again when it moved (or after a worker restart, when nothing is cached).
 */
import { type CompiledRules, compileRules } from '../core/clients/compile'
import type { Settings } from '../core/settings'
import type { MargenDb } from '../store/db'
import { readSettings, settingsRev } from '../store/settings'

export interface Current {
  settings: Settings
  rules: CompiledRules
}

export function createRulesCache(db: MargenDb) {
  let cached: { rev: number; current: Current } | null = null
  return async function current(): Promise<Current> {
    const rev = await settingsRev(db)
    // NaN (never written through the store) never equals itself: read every time.
    if (cached && cached.rev === rev) return cached.current
    const { settings } = await readSettings(db)
    const current = { settings, rules: compileRules(settings.rules) }
    cached = { rev, current }
    return current
  }
}
