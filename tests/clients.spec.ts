// Clients and breakthrough rules, end to end in the built extension: during a block an
// emergency sender's notification really shows while a client's is held; a repeat sender gets
// through on the Nth message; an urgent keyword gets a priority client through but not a
// low-tolerance one; the emergency channel lets a known client through; each capture stores its
// client and the rule that decided it.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Client, Identity, Rules } from '../src/core/clients/schema'
import { DEFAULT_KEYWORDS } from '../src/core/clients/schema'
import { identity, testClient } from '../src/core/clients/testing'
import { DEFAULT_SETTINGS } from '../src/core/settings'
import { type Control, REVIEW } from './harness/control'
import { eventsOf, notify, openFixture, QUIET_WAIT_MS, sleep, waitForShow } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const name = (value: string, site: Identity['site'] = ''): Identity => identity('name', value, site)

/** A client with no breakthrough option on (tests turn on what they need). */
const client = (id: string, over: Partial<Client>): Client =>
  testClient(id, { name: id, keywords: false, repeat: null, channel: false, quota: 5, ...over })

const RULES: Rules = {
  clients: [
    client('acme', {
      name: 'Acme',
      tier: 'priority',
      identities: [
        name('Ana Ruiz'),
        { kind: 'handle', value: '+34 600 111 222', site: 'whatsapp' },
      ],
      keywords: true,
      channel: true,
    }),
    client('beta', { name: 'Beta', identities: [name('Bruno Beta')] }),
    client('gamma', {
      name: 'Gamma',
      tier: 'low-tolerance',
      identities: [name('Gina Gamma')],
      // Even if set, a low-tolerance client never uses them.
      keywords: true,
      channel: true,
      repeat: { count: 2, minutes: 10 },
    }),
    client('delta', {
      name: 'Delta',
      identities: [name('Dora Delta')],
      repeat: { count: 3, minutes: 10 },
    }),
    client('zeta', {
      name: 'Zeta',
      tier: 'priority',
      identities: [name('Zoe Zeta')],
      keywords: true,
      quota: 1,
    }),
    client('epsilon', {
      name: 'Epsilon',
      tier: 'priority',
      identities: [name('Eva Épsilon')],
      keywords: true,
    }),
  ],
  emergency: [name('Mamá')],
  keywords: [...DEFAULT_KEYWORDS],
  emergencyChannel: 'whatsapp',
}

describe('clients and breakthrough rules', () => {
  let m: Margen
  let ctl: Control
  let gmail: Page

  useMargen(async (margen, control) => {
    m = margen
    ctl = control
    const saved = await ctl.send({ type: 'ui/rules-save', rules: RULES })
    expect(saved).toEqual({ ok: true })
    gmail = await openFixture(m, 'mail.google.com')
  })

  /** Notifies and returns the stored capture and whether the page saw `show`. */
  async function send(page: Page, title: string, body: string, extra: { tag?: string } = {}) {
    const tag = extra.tag ?? `${title}-${Date.now()}-${Math.random()}`
    const id = await notify(page, { title, body, tag })
    const row = await ctl.capture((c) => c.tag === tag)
    return { id, row }
  }

  async function shown(page: Page, id: number): Promise<boolean> {
    await sleep(QUIET_WAIT_MS)
    return (await eventsOf(page, id)).some((e) => e.type === 'show')
  }

  it('shows an emergency sender during a block while a standard client is held', async () => {
    const session = await ctl.start()
    const urgent = await send(gmail, 'Mamá', 'Llámame')
    await waitForShow(gmail, urgent.id)
    expect(urgent.row).toMatchObject({
      verdict: 'deliver',
      reason: 'emergency-sender',
      why: { rule: 'emergency-sender', identity: 'Mamá' },
      status: 'delivered',
      sessionId: session.id,
      urgent: 1,
    })
    const plain = await send(gmail, 'Bruno Beta', 'Te mando el presupuesto')
    expect(plain.row).toMatchObject({
      verdict: 'hold',
      reason: 'block',
      clientId: 'beta',
      why: { rule: 'no-breakthrough' },
      status: 'held',
    })
    expect(await shown(gmail, plain.id)).toBe(false)
  })

  it('lets a repeat sender through on the Nth message within the window', async () => {
    await ctl.start()
    const first = await send(gmail, 'Dora Delta', '¿Lo viste?')
    const second = await send(gmail, 'Dora Delta', '¿Hola?')
    const third = await send(gmail, 'Dora Delta', 'Necesito respuesta')
    expect([first.row.verdict, second.row.verdict]).toEqual(['hold', 'hold'])
    expect(third.row).toMatchObject({
      verdict: 'deliver',
      reason: 'repeat',
      clientId: 'delta',
      why: { rule: 'repeat', count: 3, minutes: 10 },
    })
    await waitForShow(gmail, third.id)
    expect(await shown(gmail, second.id)).toBe(false)
    // The count starts again after a breakthrough.
    const fourth = await send(gmail, 'Dora Delta', 'Gracias')
    expect(fourth.row).toMatchObject({ verdict: 'hold', why: { rule: 'no-breakthrough' } })
  })

  it('lets an urgent keyword through for a priority client, not for a low-tolerance one', async () => {
    await ctl.start()
    const priority = await send(gmail, 'Ana Ruiz', 'Es URGENTE, llámame')
    await waitForShow(gmail, priority.id)
    expect(priority.row).toMatchObject({
      verdict: 'deliver',
      reason: 'urgent-keyword',
      clientId: 'acme',
      keyword: 'urgente',
      why: { rule: 'urgent-keyword', keyword: 'urgente' },
      urgent: 1,
    })
    const low = await send(gmail, 'Gina Gamma', 'Urgente: ¿me llamas?')
    expect(low.row).toMatchObject({
      verdict: 'hold',
      reason: 'block',
      clientId: 'gamma',
      keyword: 'urgente',
      why: { rule: 'low-tolerance' },
      // Still a claimed urgency: it counts towards Gamma's cry-wolf ratio.
      urgent: 1,
    })
    expect(await shown(gmail, low.id)).toBe(false)
  })

  it('lets a known client through on the emergency channel, recognised by its WhatsApp id', async () => {
    const whatsapp = await openFixture(m, 'web.whatsapp.com')
    try {
      await ctl.start()
      const tag = `34600111222@c.us`
      const id = await notify(whatsapp, { title: 'Ana', body: 'Estoy en la puerta', tag })
      await waitForShow(whatsapp, id)
      const row = await ctl.capture((c) => c.site === 'whatsapp' && c.tag === tag)
      expect(row).toMatchObject({
        verdict: 'deliver',
        reason: 'emergency-channel',
        clientId: 'acme',
        why: { rule: 'emergency-channel', site: 'whatsapp' },
      })
    } finally {
      await whatsapp.close()
    }
  })

  it('counts a breakthrough marked "not urgent" on the review page in the client\'s ratio', async () => {
    const session = await ctl.start()
    const body = `ASAP por favor (${Date.now()})`
    const cried = await send(gmail, 'Eva Épsilon', body)
    expect(cried.row).toMatchObject({ reason: 'urgent-keyword', clientId: 'epsilon', notUrgent: 0 })
    await ctl.end()

    const options = await m.extensionPage('src/ui/options/index.html#clients')
    const epsilon = options.getByRole('listitem').filter({ hasText: 'Epsilon' })
    await epsilon.getByText('0 of 1 urgency was not urgent').waitFor()

    const review = await m.extensionPage(`${REVIEW}?session=${encodeURIComponent(session.id)}`)
    const toggle = review.getByRole('button', { name: `Not urgent: ${body}` })
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
    const row = await ctl.capture((c) => c.id === cried.row.id && c.notUrgent === 1)
    expect(row.urgent).toBe(1)

    // The options page reads the ratio live.
    await epsilon.getByText('1 of 1 urgency was not urgent').waitFor()
    await review.close()
    await options.close()
  })

  it('holds a client whose daily breakthrough quota is used up, saying so', async () => {
    await ctl.start()
    const first = await send(gmail, 'Zoe Zeta', 'Urgente: la factura')
    await waitForShow(gmail, first.id)
    expect(first.row).toMatchObject({ reason: 'urgent-keyword', clientId: 'zeta' })
    const second = await send(gmail, 'Zoe Zeta', 'Urgente otra vez')
    expect(second.row).toMatchObject({
      verdict: 'hold',
      why: { rule: 'quota-used', quota: 1, wanted: 'urgent-keyword' },
      urgent: 1,
    })
    expect(await shown(gmail, second.id)).toBe(false)
  })

  it('outside working hours lets only emergencies through: the channel, not keywords', async () => {
    // Working hours on one other weekday only: now is off-hours.
    const other = (new Date().getDay() + 3) % 7
    const workingHours = Array.from({ length: 7 }, (_, d) =>
      d === other ? { start: 9 * 60, end: 17 * 60 } : null,
    )
    const schedule = { blocks: [], workingHours, offHours: true }
    const saved = await ctl.send({
      type: 'ui/settings-save',
      settings: { ...DEFAULT_SETTINGS, rules: RULES, schedule },
    })
    expect(saved).toEqual({ ok: true })
    const whatsapp = await openFixture(m, 'web.whatsapp.com')
    try {
      await expect.poll(async () => (await ctl.active())?.kind).toBe('off-hours')
      const keyword = await send(gmail, 'Ana Ruiz', 'Es urgente')
      expect(keyword.row).toMatchObject({
        verdict: 'hold',
        reason: 'off-hours',
        clientId: 'acme',
        why: { rule: 'emergencies-only' },
      })
      expect(await shown(gmail, keyword.id)).toBe(false)
      const tag = '34600111222@c.us'
      const id = await notify(whatsapp, { title: 'Ana', body: 'Off-hours, en la puerta', tag })
      await waitForShow(whatsapp, id)
      const row = await ctl.capture((c) => c.body === 'Off-hours, en la puerta')
      expect(row).toMatchObject({ verdict: 'deliver', reason: 'emergency-channel' })
    } finally {
      await whatsapp.close()
      const restored = await ctl.send({
        type: 'ui/settings-save',
        settings: { ...DEFAULT_SETTINGS, rules: RULES },
      })
      expect(restored).toEqual({ ok: true })
    }
  })

  it('refuses invalid rules with field paths and codes, and keeps the stored ones', async () => {
    const bad = {
      ...RULES,
      clients: [
        client('x', {
          name: 'X',
          identities: [{ kind: 'email', value: 'not-an-email', site: '' }],
        }),
      ],
    }
    const reply = await ctl.send({ type: 'ui/rules-save', rules: bad })
    expect(reply).toMatchObject({
      ok: false,
      errors: [{ path: 'clients.0.identities.0.value', code: 'identity-invalid' }],
    })
    const stored = (await ctl.read('kv')).find((r) => r.key === 'settings')?.value as {
      rules: Rules
    }
    expect(stored.rules.clients.map((c) => c.id)).toEqual(RULES.clients.map((c) => c.id))
  })
})
