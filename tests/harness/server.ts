// The fixture server: one HTTPS server on 127.0.0.1 that answers for every built-in site host
// (chosen by the Host header), and an HTTP proxy that tunnels the browser's CONNECTs to it.
// The browser is pointed at the proxy, so https://mail.google.com/ really loads our fixture.
import { readdir, readFile } from 'node:fs/promises'
import { createServer as createHttp, type Server as HttpServer } from 'node:http'
import { createServer as createHttps, type Server as HttpsServer } from 'node:https'
import { type AddressInfo, connect, type Socket } from 'node:net'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SITES } from '../../src/core/sites'
import { type Certs, makeCerts } from './certs'

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url))
/** A host that is none of the built-in sites: Margen must leave its pages alone. */
export const UNWATCHED_HOST = 'unwatched.margen.test'
export const SITE_HOSTS: readonly string[] = SITES.flatMap((s) => s.hosts)
export const ALL_HOSTS: readonly string[] = [...SITE_HOSTS, UNWATCHED_HOST]

/** What `/` shows per host; every other host gets the generic fixture page. */
const HOME: Readonly<Record<string, string>> = {
  'mail.google.com': 'demo-mail.html',
  'app.slack.com': 'demo-chat.html',
}
/** Gmail-like: only same-origin scripts, and Trusted Types enforced. */
const TT_CSP = "require-trusted-types-for 'script'; trusted-types default; script-src 'self'"
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

export interface Route {
  body: string
  type?: string
  headers?: Record<string, string>
}

export interface FixtureServer {
  /** Pass to Chromium as `--proxy-server=`. */
  proxyUrl: string
  httpsPort: number
  certs: Certs
  hosts: readonly string[]
  /** Serves `route` at `path` (on `host` only, or on every host), ahead of the fixture files. */
  route(path: string, route: Route, host?: string): void
  /** `host:path` of every request served, oldest first. */
  readonly requests: readonly string[]
  stop(): Promise<void>
}

export async function startFixtureServer(opts: { dir?: string } = {}): Promise<FixtureServer> {
  const dir = opts.dir ?? FIXTURES_DIR
  const certs = await makeCerts(ALL_HOSTS)
  // Every file of the fixtures folder is served at /<name> on every host; nothing else is.
  const files = new Set((await readdir(dir)).filter((f) => extname(f) in TYPES))
  const routes = new Map<string, Route>()
  const requests: string[] = []
  const https = createHttps({ cert: certs.cert, key: certs.key }, async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
    const path = new URL(req.url ?? '/', 'https://x').pathname
    requests.push(`${host}${path}`)
    const custom = routes.get(`${host}${path}`) ?? routes.get(path)
    if (custom) {
      res.writeHead(200, { 'content-type': custom.type ?? TYPES['.html'], ...custom.headers })
      res.end(custom.body)
      return
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    const file = path === '/' ? (HOME[host] ?? 'fixture.html') : path.slice(1)
    if (!ALL_HOSTS.includes(host) || !files.has(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Margen fixture: no ${path}`)
      return
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    }
    if (file === 'tt.html') headers['content-security-policy'] = TT_CSP
    if (file === 'sw.js') headers['service-worker-allowed'] = '/'
    try {
      const body = await readFile(join(dir, file))
      res.writeHead(200, headers).end(body)
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err))
    }
  })
  const tunnels = new Set<Socket>()
  const proxy = createHttp((_req, res) => {
    // Plain http:// through the proxy: nothing is served that way.
    res.writeHead(502, { 'content-type': 'text/plain' }).end('Margen fixture proxy: https only')
  })
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    // A browser closing mid-connection resets sockets; that is no test failure.
    client.on('error', () => client.destroy())
    const [host = '', port = ''] = (req.url ?? '').split(':')
    if (port !== '443' || !ALL_HOSTS.includes(host.toLowerCase())) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    const drop = () => {
      upstream.destroy()
      client.destroy()
      tunnels.delete(client)
    }
    tunnels.add(client)
    upstream.on('error', drop)
    client.on('error', drop)
    client.on('close', drop)
  })
  for (const server of [https, proxy]) server.on('clientError', (_err, socket) => socket.destroy())
  const httpsPort = await listen(https)
  const proxyPort = await listen(proxy)
  return {
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    httpsPort,
    certs,
    hosts: ALL_HOSTS,
    route: (path, route, host) => void routes.set(`${host ?? ''}${path}`, route),
    requests,
    async stop() {
      for (const socket of tunnels) socket.destroy()
      await Promise.all([close(https), close(proxy)])
      await certs.dispose()
    },
  }
}

function listen(server: HttpServer | HttpsServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function close(server: HttpServer | HttpsServer): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}
