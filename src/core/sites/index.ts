/**
 * The built-in sites Margen watches. The manifest's content-script matches and host permissions
 * must equal SITE_MATCHES; a unit test (index.test.ts) holds them together.
 *
 * `match_origin_as_fallback` only accepts patterns whose path is `/*`, so every pattern here
 * covers a whole host (see https://developer.chrome.com/docs/extensions/reference/manifest/content-scripts).
 */
export type SiteKind = 'mail' | 'chat'

export interface Site {
  id: string
  label: string
  kind: SiteKind
  hosts: readonly string[]
  /** Where "Open" goes when the tab that produced a capture is gone. */
  home: string
}

export const SITES: readonly Site[] = [
  {
    id: 'gmail',
    label: 'Gmail',
    kind: 'mail',
    hosts: ['mail.google.com'],
    home: 'https://mail.google.com/',
  },
  {
    id: 'outlook',
    label: 'Outlook',
    kind: 'mail',
    hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'],
    home: 'https://outlook.office.com/mail/',
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    kind: 'mail',
    hosts: ['mail.yahoo.com'],
    home: 'https://mail.yahoo.com/',
  },
  {
    id: 'proton',
    label: 'Proton Mail',
    kind: 'mail',
    hosts: ['mail.proton.me'],
    home: 'https://mail.proton.me/',
  },
  {
    id: 'zoho',
    label: 'Zoho Mail',
    kind: 'mail',
    hosts: ['mail.zoho.com', 'mail.zoho.eu'],
    home: 'https://mail.zoho.com/',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    kind: 'mail',
    hosts: ['app.fastmail.com'],
    home: 'https://app.fastmail.com/',
  },
  {
    id: 'slack',
    label: 'Slack',
    kind: 'chat',
    hosts: ['app.slack.com'],
    home: 'https://app.slack.com/',
  },
  {
    id: 'teams',
    label: 'Microsoft Teams',
    kind: 'chat',
    hosts: ['teams.microsoft.com', 'teams.live.com'],
    home: 'https://teams.microsoft.com/',
  },
  {
    id: 'gchat',
    label: 'Google Chat',
    kind: 'chat',
    hosts: ['chat.google.com'],
    home: 'https://chat.google.com/',
  },
  {
    id: 'whatsapp',
    label: 'WhatsApp',
    kind: 'chat',
    hosts: ['web.whatsapp.com'],
    home: 'https://web.whatsapp.com/',
  },
  {
    id: 'telegram',
    label: 'Telegram',
    kind: 'chat',
    hosts: ['web.telegram.org'],
    home: 'https://web.telegram.org/',
  },
  {
    id: 'discord',
    label: 'Discord',
    kind: 'chat',
    hosts: ['discord.com'],
    home: 'https://discord.com/channels/@me',
  },
  {
    id: 'messenger',
    label: 'Messenger',
    kind: 'chat',
    hosts: ['www.messenger.com', 'www.facebook.com'],
    home: 'https://www.messenger.com/',
  },
]

/** Match patterns for the manifest and for `tabs.query`. */
export const SITE_MATCHES: readonly string[] = SITES.flatMap((s) =>
  s.hosts.map((h) => `https://${h}/*`),
)

const byHost = new Map(SITES.flatMap((s) => s.hosts.map((h) => [h, s] as const)))

/** The site an origin belongs to, or undefined when it is none of the built-in ones. */
export function siteForUrl(url: string | undefined): Site | undefined {
  if (!url) return undefined
  // Captures come from a handful of origins: remember them rather than parse a URL each time.
  if (byUrl.has(url)) return byUrl.get(url)
  const site = parseSite(url)
  if (byUrl.size >= URLS_KEPT) byUrl.clear()
  byUrl.set(url, site)
  return site
}

const URLS_KEPT = 256
const byUrl = new Map<string, Site | undefined>()

function parseSite(url: string): Site | undefined {
  try {
    const u = new URL(url)
    if (u.protocol !== 'https:') return undefined
    return byHost.get(u.hostname)
  } catch {
    return undefined
  }
}

export function siteById(id: string): Site | undefined {
  return SITES.find((s) => s.id === id)
}
