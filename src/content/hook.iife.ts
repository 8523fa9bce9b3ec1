/**
 * MAIN-world hook: replaces `window.Notification` and the page side of
 * `ServiceWorkerRegistration.prototype.showNotification`, at document_start in every frame.
 * Self-contained (no extension API, no polyfill, no zod): it only reports to the bridge.
 * See DESIGN.md, "The hook (MAIN world), the part that must be exact".
 */
import { installHook } from './hook/install'

installHook(window)
