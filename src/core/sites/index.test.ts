import { describe, expect, it } from 'vitest'
import manifest from '../../../manifest.json' with { type: 'json' }
import { SITE_MATCHES, siteForUrl } from '.'

describe('sites', () => {
  it('match the manifest content scripts and host permissions exactly', () => {
    for (const script of manifest.content_scripts) expect(script.matches).toEqual([...SITE_MATCHES])
    expect(manifest.host_permissions).toEqual([...SITE_MATCHES])
  })

  it('lists the bridge before the hook, both at document_start in every frame', () => {
    const [bridge, hook] = manifest.content_scripts
    expect(bridge?.world).toBe('ISOLATED')
    expect(hook?.world).toBe('MAIN')
    for (const s of [bridge, hook]) {
      expect(s).toMatchObject({
        run_at: 'document_start',
        all_frames: true,
        match_origin_as_fallback: true,
        match_about_blank: true,
      })
    }
  })

  it('recognises the built-in sites by host, over https only', () => {
    expect(siteForUrl('https://mail.google.com/mail/u/0/#inbox')?.id).toBe('gmail')
    expect(siteForUrl('https://outlook.office365.com/mail/')?.id).toBe('outlook')
    expect(siteForUrl('https://web.telegram.org/k/')?.id).toBe('telegram')
    expect(siteForUrl('http://mail.google.com/')).toBeUndefined()
    expect(siteForUrl('https://mail.google.com.evil.test/')).toBeUndefined()
    expect(siteForUrl('not a url')).toBeUndefined()
    expect(siteForUrl(undefined)).toBeUndefined()
  })
})
