/**
 * The settings file Margen exports and imports: the stored settings, whole, in an envelope that
 * says what the file is, so that importing some other JSON gets a clear "not a Margen settings
 * file" instead of a list of every missing field. `formatVersion` is the envelope's own version;
 * the settings inside carry theirs (`settings.version`), and older ones are migrated on import.
 */
import type { Settings } from '../settings'

export const SETTINGS_FORMAT = 'margen-settings'
export const SETTINGS_FORMAT_VERSION = 1

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT
  formatVersion: number
  exportedAt: string
  settings: Settings
}

export function settingsFile(settings: Settings, now: number): SettingsFile {
  return {
    format: SETTINGS_FORMAT,
    formatVersion: SETTINGS_FORMAT_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
  }
}

/** Pretty-printed, so the file can be read and diffed by a person. */
export const settingsFileText = (settings: Settings, now: number): string =>
  `${JSON.stringify(settingsFile(settings, now), null, 2)}\n`
