/**
 * Event types of the private hook⇄bridge channel (DESIGN.md, "The hook").
 *
 * At document_start the hook dispatches HELLO on `window` with a detached element as its
 * `relatedTarget`; the bridge (listed first in the manifest, so already listening) keeps that
 * element, and from then on both talk only through UP/DOWN events on it. No page script has run
 * yet when HELLO fires, and a detached element is reachable from no page listener. Payloads are
 * JSON strings: primitives cross the world boundary intact, objects would not.
 */
export const HELLO = 'margen:hello'
export const UP = 'margen:up'
export const DOWN = 'margen:down'
