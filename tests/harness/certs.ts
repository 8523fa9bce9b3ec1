// Throwaway TLS material for the fixture server: a CA made for one run, and a leaf for every host
// the fixtures pretend to be. Nothing is written outside a fresh temporary directory, and nothing
// is ever added to a system trust store: the test browser alone trusts the leaf (see launch.ts).
import { execFile } from 'node:child_process'
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Certs {
  /** The temporary directory that holds every file below. */
  dir: string
  caCertPath: string
  caCert: string
  cert: string
  key: string
  /** base64 SHA-256 of the leaf's SubjectPublicKeyInfo, for `--ignore-certificate-errors-spki-list`. */
  spki: string
  hosts: readonly string[]
  dispose(): Promise<void>
}

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd })
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string }
    if (e.code === 'ENOENT') throw new Error('The `openssl` CLI is needed by the test harness.')
    throw new Error(`openssl ${args[0]} failed: ${e.stderr ?? e.message}`)
  }
}

/** The base64 SHA-256 of a certificate's SubjectPublicKeyInfo (what Chromium's SPKI flags take). */
export function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('base64')
}

/** Makes a CA and a leaf (serverAuth, SANs = `hosts`, valid 30 days) with the openssl CLI. */
export async function makeCerts(hosts: readonly string[]): Promise<Certs> {
  if (hosts.length === 0) throw new Error('makeCerts needs at least one host')
  const dir = await mkdtemp(join(tmpdir(), 'margen-certs-'))
  const ext = [
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth',
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    `subjectAltName = ${hosts.map((h) => `DNS:${h}`).join(', ')}`,
  ].join('\n')
  await writeFile(join(dir, 'leaf.ext'), `${ext}\n`)
  const args = (line: string) => line.split(' ')
  const key = args('-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes')
  await openssl(dir, [
    ...args('req -x509 -keyout ca.key -out ca.pem -days 30 -sha256'),
    ...key,
    ...['-subj', '/CN=Margen test CA (throwaway)'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  ])
  await openssl(dir, [
    ...args('req -new -keyout leaf.key -out leaf.csr'),
    ...key,
    ...['-subj', `/CN=${hosts[0]}`],
  ])
  await openssl(
    dir,
    args(
      'x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out leaf.pem -days 30 ' +
        '-sha256 -extfile leaf.ext',
    ),
  )
  const [caCert, leaf, leafKey] = await Promise.all(
    ['ca.pem', 'leaf.pem', 'leaf.key'].map((f) => readFile(join(dir, f), 'utf8')),
  )
  return {
    dir,
    caCertPath: join(dir, 'ca.pem'),
    caCert: caCert!,
    // Serve the chain, so that a client which trusts the CA (an NSS db) also validates it.
    cert: `${leaf!}${caCert!}`,
    key: leafKey!,
    spki: spkiHash(leaf!),
    hosts,
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
}
