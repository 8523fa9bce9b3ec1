/**
 * ISOLATED-world bridge: the hook's only way out. It keeps the detached element the hook hands
 * it at document_start, parses everything the page side sends with zod, forwards captures to
 * the background (which takes origin and tab from `sender`, never from the payload) and passes
 * verdicts, quiet-period state and "Open" clicks back down.
 */
import { startBridge } from './bridge/start'

startBridge(window)
