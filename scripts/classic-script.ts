/**
 * A Vite plugin that builds one TypeScript entry as a classic script of its own (an IIFE, with
 * no imports) and puts it in the head of one page, to run before the page's module scripts.
 *
 * Why: a page's module scripts only run once the whole module graph has been fetched and
 * evaluated. A classic script does not wait for them, so work that needs none of the page's
 * modules (the review page's database read, src/ui/review/early-start.ts) is done by the time
 * they have run. The entry must not import Dexie, zod or the UI: everything it imports is
 * bundled into it, and the build fails if it comes out bigger than `maxBytes`.
 *
 * Build only: under the dev server the page's entry does the same work itself.
 */
import { build, type Plugin, type Rolldown } from 'vite'

export interface ClassicScript {
  /** The TypeScript entry, from the project root. */
  entry: string
  /** The page it belongs to, as Vite names it (its path from the project root). */
  page: string
  /** Where it goes in the extension. */
  fileName: string
  /** The largest it may be, minified. */
  maxBytes: number
}

async function bundle(entry: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'chrome116',
      minify: true,
      lib: { entry, formats: ['iife'], name: 'margenStart', fileName: 'start' },
    },
  })
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[]
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk')
  if (chunks.length !== 1 || !chunks[0]) throw new Error(`${entry}: expected one chunk`)
  return chunks[0].code
}

export function classicScript(o: ClassicScript): Plugin {
  return {
    name: 'margen:classic-script',
    apply: 'build',
    async buildStart() {
      const code = await bundle(o.entry)
      const bytes = Buffer.byteLength(code)
      if (bytes > o.maxBytes)
        this.error(
          `${o.entry} is ${bytes} B minified, over its ${o.maxBytes} B: what did it import?`,
        )
      this.emitFile({ type: 'asset', fileName: o.fileName, source: code })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.path !== `/${o.page}`) return
        // Deferred, and before the module script: it does not hold up the parser (nor so the
        // fetch of the modules below it), and deferred scripts run in document order, so it
        // runs before the page's modules.
        const at = html.indexOf('<script type="module"')
        if (at < 0) this.error(`${o.page}: no module script to put ${o.fileName} before`)
        return `${html.slice(0, at)}<script defer src="/${o.fileName}"></script>\n    ${html.slice(at)}`
      },
    },
  }
}
