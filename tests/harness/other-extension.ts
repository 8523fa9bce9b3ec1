// A second, throwaway extension that stands for "someone other than Margen" in tests: it can mute a
// tab, so that the tab's `mutedInfo` names another extension. (A user's own mute, from the tab
// strip, cannot be produced in headless Chromium.) It has no service worker, so the launcher still
// finds Margen's worker first; it is driven from its one page, `chrome-extension://<id>/page.html`.
import { createHash, generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'

export interface OtherExtension {
  dir: string
  id: string
  /** Mutes (or unmutes) a tab as this extension. */
  setMuted(context: BrowserContext, tabId: number, muted: boolean): Promise<void>
  dispose(): Promise<void>
}

/** Chromium's extension id: the SHA-256 of the public key, first 32 hex digits mapped to a–p. */
function idOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32)
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('')
}

export async function makeOtherExtension(): Promise<OtherExtension> {
  const dir = await mkdtemp(join(tmpdir(), 'margen-other-ext-'))
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const der = publicKey.export({ type: 'spki', format: 'der' })
  const manifest = {
    manifest_version: 3,
    name: 'Margen test: another extension',
    version: '1.0',
    key: der.toString('base64'),
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest))
  await writeFile(join(dir, 'page.html'), '<!doctype html><title>other extension</title>')
  const id = idOf(der)
  return {
    dir,
    id,
    async setMuted(context, tabId, muted) {
      const page = await context.newPage()
      try {
        await page.goto(`chrome-extension://${id}/page.html`)
        await page.evaluate(([tab, m]) => chrome.tabs.update(tab, { muted: m }), [
          tabId,
          muted,
        ] as const)
      } finally {
        await page.close()
      }
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
}
