/**
 * Names in the database that code outside Dexie also reads: the review page's start-up script
 * (early-read.ts) is built without Dexie, so these must not live in db.ts or settings.ts.
 */
export const DB_NAME = 'margen'
/** The `kv` key of the stored settings. */
export const SETTINGS_KEY = 'settings'
