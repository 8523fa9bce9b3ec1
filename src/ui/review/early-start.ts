/**
 * The review page's start-up script: a classic script, built apart from the page's modules
 * (scripts/classic-script.ts), that runs as soon as the HTML is parsed. It starts the read of the
 * held captures while the modules are still being fetched and evaluated; the page's entry
 * (main.tsx) takes it. Started by the entry instead, the list was painted about 5 ms later on a
 * quiet machine and up to 24 ms later on a busy one (alternating loads of both builds).
 */
import { startEarlyRead } from '../../store/early-read'

startEarlyRead()
