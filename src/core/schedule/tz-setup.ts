/**
 * Setup file of the per-zone test projects (vitest.config.ts): a test file that does not run in
 * the zone its project names fails at once, instead of passing in the machine's zone.
 */
const wanted = process.env.MARGEN_TEST_TZ
if (wanted) {
  // ICU may name a zone by an older alias (Asia/Kolkata → Asia/Calcutta): compare canonical names.
  const canonical = new Intl.DateTimeFormat('en', { timeZone: wanted }).resolvedOptions().timeZone
  const actual = Intl.DateTimeFormat().resolvedOptions().timeZone
  if (actual !== canonical) throw new Error(`meant to run in ${wanted}, but runs in ${actual}`)
}
