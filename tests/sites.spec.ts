// Choosing the sites to watch: a site the user unticked passes through a session untouched (its
// notification is shown, nothing is recorded, its tab is not muted), while the others are held.
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../src/core/settings'
import type { Control } from './harness/control'
import { notify, openFixture, QUIET_WAIT_MS, sleep, waitForShow } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

describe('sites to watch', () => {
  let m: Margen
  let ctl: Control

  useMargen(
    (margen, control) => {
      m = margen
      ctl = control
    },
    { endAfterEach: false },
  )

  it('lets an unwatched site through a session, unrecorded and unmuted, and holds the rest', async () => {
    const saved = await ctl.send({
      type: 'ui/settings-save',
      settings: { ...DEFAULT_SETTINGS, unwatched: ['slack'] },
    })
    expect(saved).toEqual({ ok: true })
    const slack = await openFixture(m, 'app.slack.com')
    const gmail = await openFixture(m, 'mail.google.com')
    const session = await ctl.start()

    const shown = await notify(slack, { title: '#ops', body: 'deploy done', tag: 'unwatched-1' })
    await waitForShow(slack, shown)
    const held = await notify(gmail, { title: 'Ana Ruiz', body: 'invoice', tag: 'watched-1' })
    const row = await ctl.capture((c) => c.tag === 'watched-1')
    expect(row).toMatchObject({ verdict: 'hold', sessionId: session.id, site: 'gmail' })
    await sleep(QUIET_WAIT_MS)
    expect(
      await gmail.evaluate(
        (id) => window.fx.log.filter((e) => e.id === id && e.type === 'show'),
        held,
      ),
    ).toEqual([])
    expect((await ctl.captures()).filter((c) => c.site === 'slack')).toEqual([])
    expect((await ctl.counters())['passed:unwatched-site']).toBeGreaterThanOrEqual(1)

    expect((await ctl.tab(await ctl.tabIdOf(slack))).mutedInfo?.muted).toBe(false)
    expect((await ctl.tab(await ctl.tabIdOf(gmail))).mutedInfo?.muted).toBe(true)
    await ctl.end()
  })
})
