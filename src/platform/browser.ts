/**
 * The one place that imports webextension-polyfill. Everything else takes the pieces it needs
 * as parameters (see the `*Deps` interfaces), so that tests can pass their own.
 */
import browser from 'webextension-polyfill'

export type Browser = typeof browser
export { browser }
