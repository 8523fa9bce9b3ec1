/**
 * The review page's start-up script: a classic script, built apart from the page's modules
 * (scripts/classic-script.ts), that the HTML runs as it is parsed. It starts the read of the
 * held captures at once, while the modules are still being fetched and evaluated; the page's
 * entry (main.tsx) takes it. Waiting for the modules to start it cost 20 ms of the first paint
 * on a busy machine (bench/review.ts).
 */
import { startEarlyRead } from '../../store/early-read'

startEarlyRead()
