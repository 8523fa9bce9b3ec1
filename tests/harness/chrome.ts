// Where the system Chromium is, and the flags every launch of it uses (tests, `npm start`, bench).
// Never `playwright install`: no browser download works here (see shared/DESIGN.md, "Tests").

/** `$CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium'
}

/** Flags for every launch: no sandbox (containers, root), no GPU, no background traffic. */
export const CHROME_FLAGS: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Flags that load the unpacked extension at `dist` (and any `extra` unpacked extensions, e.g. a
 * test helper) and send all traffic to the fixture proxy, trusting only the fixture certificate
 * whose SPKI hash is `spki` (no system trust store is touched). Pass them with
 * `ignoreDefaultArgs: ['--disable-extensions']`.
 */
export function extensionArgs(
  dist: string,
  via: { proxyUrl: string; spki: string },
  extra: readonly string[] = [],
): string[] {
  const dirs = [dist, ...extra].join(',')
  return [
    ...CHROME_FLAGS,
    `--disable-extensions-except=${dirs}`,
    `--load-extension=${dirs}`,
    `--proxy-server=${via.proxyUrl}`,
    `--ignore-certificate-errors-spki-list=${via.spki}`,
  ]
}
