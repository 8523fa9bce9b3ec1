/**
 * Event types of the private hook⇄bridge channel (DESIGN.md, "The hook").
 *
 * At document_start the hook dispatches HELLO on `window` with a detached node (a Text node) as
 * its `relatedTarget`; the bridge (listed first in the manifest, so already listening) keeps that
 * node, and from then on both talk only through UP/DOWN events on it. No page script has run
 * yet when HELLO fires, and a detached node is reachable from no page listener. Payloads are
 * JSON strings: primitives cross the world boundary intact, objects would not.
 */
// Short names: every byte of the hook counts (DESIGN.md budget). They are no secret (the source
// is public); the privacy comes from the detached element, not from the names.
export const HELLO = 'margen'
export const UP = 'm:up'
export const DOWN = 'm:dn'
