// The options page's Clients part in the built extension: a client added and saved through the
// editor, and contacts imported from pasted CSV, are what the background then decides with; "Try
// a notification" explains the same verdict a real notification gets.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Rules } from '../src/core/clients/schema'
import type { Control } from './harness/control'
import { notify, openFixture, waitForShow } from './harness/fixture'
import type { Margen } from './harness/launch'
import { useMargen } from './harness/suite'

const OPTIONS = 'src/ui/options/index.html#clients'

describe('options: clients', () => {
  let m: Margen
  let ctl: Control

  useMargen((margen, control) => {
    m = margen
    ctl = control
  })

  const storedRules = async (): Promise<Rules | undefined> =>
    ((await ctl.read('kv')).find((r) => r.key === 'settings')?.value as { rules?: Rules })?.rules

  /** The clients form's own save button and its announced status. */
  async function saveClients(page: Page): Promise<void> {
    const button = page.getByRole('button', { name: 'Save clients' })
    await button.click()
    const form = page.locator('form').filter({ has: button })
    await form.locator('.save-bar [role="status"]').getByText('Saved.').waitFor()
  }

  it('adds a client in the editor; the background then lets its urgent message through', async () => {
    const page = await m.extensionPage(OPTIONS)
    await page.getByRole('button', { name: 'Add a client' }).click()
    const name = page.getByRole('textbox', { name: 'Name' })
    await name.fill('Zeta Studio')
    const panel = page.locator(
      `#${await page.getByRole('button', { name: 'Edit Zeta Studio' }).getAttribute('aria-controls')}`,
    )
    await panel.getByRole('combobox', { name: 'Tier' }).selectOption('priority')
    const useDefaults = panel.getByRole('button', { name: 'Use them' })
    if (await useDefaults.count()) await useDefaults.click()
    await panel.getByRole('button', { name: 'Add an identity' }).click()
    await panel.getByRole('textbox', { name: 'Identity 1: value' }).fill('zoe@zeta.studio')
    await saveClients(page)

    const rules = await storedRules()
    const zeta = rules?.clients.find((c) => c.name === 'Zeta Studio')
    expect(zeta).toMatchObject({
      tier: 'priority',
      keywords: true,
      identities: [{ kind: 'email', value: 'zoe@zeta.studio', site: '' }],
    })

    await ctl.start()
    // Try a notification: the same verdict, explained, before anything arrives.
    const trying = page.getByRole('region', { name: 'Try a notification' })
    await trying.getByLabel('Title', { exact: true }).fill('Zoe Zamora <zoe@zeta.studio>')
    await trying.getByLabel('Text', { exact: true }).fill('Es urgente: el servidor no responde')
    await trying.getByRole('button', { name: 'Try it' }).click()
    const output = trying.locator('.try-output')
    await output
      .getByText('Delivered: “urgente” in the message from Zeta Studio', { exact: false })
      .waitFor()

    const gmail = await openFixture(m, 'mail.google.com')
    const tag = `zeta-${Date.now()}`
    const id = await notify(gmail, {
      title: 'Zoe Zamora <zoe@zeta.studio>',
      body: 'Es urgente: el servidor no responde',
      tag,
    })
    await waitForShow(gmail, id)
    expect(await ctl.capture((c) => c.tag === tag)).toMatchObject({
      clientId: zeta?.id,
      reason: 'urgent-keyword',
      sender: 'Zoe Zamora',
      idKind: 'email',
      idValue: 'zoe@zeta.studio',
    })
    await gmail.close()
    await page.close()
  })

  it('imports pasted CSV contacts, with per-row errors, and saves them as clients', async () => {
    const page = await m.extensionPage(OPTIONS)
    await page.getByRole('button', { name: 'Import contacts from a CSV file' }).click()
    await page
      .getByRole('textbox', { name: 'Or paste the rows here' })
      .fill('nombre;correo\nLucía Pérez;lucia@norte.es\nSin correo;no-es-un-correo\n')
    const table = page.getByRole('table', { name: 'Rows found in the file' })
    await table.getByText('lucia@norte.es').waitFor()
    expect(await table.getByRole('row').count()).toBe(3)
    await page.getByRole('button', { name: 'Import 1 contact' }).click()
    await saveClients(page)
    const lucia = (await storedRules())?.clients.find((c) => c.name === 'Lucía Pérez')
    expect(lucia?.identities).toEqual([{ kind: 'email', value: 'lucia@norte.es', site: '' }])
    expect((await storedRules())?.clients.some((c) => c.name === 'Sin correo')).toBe(false)
    await page.close()
  })

  it('suggests a frequent unknown sender and adds them to a new client in one click', async () => {
    const gmail = await openFixture(m, 'mail.google.com')
    const title = 'Nora Nuevo <nora@nuevo.es>'
    for (const n of [1, 2]) {
      const tag = `nora-${n}-${Date.now()}`
      await notify(gmail, { title, body: `Consulta ${n}`, tag })
      await ctl.capture((c) => c.tag === tag)
    }
    const page = await m.extensionPage(OPTIONS)
    const suggestions = page.getByRole('region', { name: 'Frequent senders of no client' })
    await suggestions.getByText('Nora Nuevo', { exact: true }).waitFor()
    await suggestions.getByLabel('Name of the new client').fill('Nuevo Estudio')
    await suggestions.getByRole('button', { name: 'Add to client: Nora Nuevo' }).click()
    await suggestions.getByText('Nora Nuevo added to Nuevo Estudio.').waitFor()
    const nuevo = (await storedRules())?.clients.find((c) => c.name === 'Nuevo Estudio')
    expect(nuevo?.identities).toEqual([{ kind: 'email', value: 'nora@nuevo.es', site: '' }])
    // Covered now: the suggestion is gone, and the client list shows the new client.
    await expect.poll(() => suggestions.getByText('Nora Nuevo', { exact: true }).count()).toBe(0)
    await page.getByRole('button', { name: 'Edit Nuevo Estudio' }).waitFor()
    await gmail.close()
    await page.close()
  })

  it('shows per-site coverage from what really arrived, and counts the generic readings', async () => {
    const before = await ctl.counters()
    const gmail = await openFixture(m, 'mail.google.com')
    const tag = `coverage-${Date.now()}`
    await notify(gmail, { title: 'Ana Ruiz', body: 'Coverage', tag })
    await ctl.capture((c) => c.tag === tag)
    const seen = (await ctl.captures()).filter((c) => c.site === 'gmail').length
    // Gmail has no parser of its own yet: every capture is read generically, and counted.
    await expect
      .poll(async () => (await ctl.counters())['parser:generic:gmail'])
      .toBe((before['parser:generic:gmail'] ?? 0) + 1)
    const page = await m.extensionPage('src/ui/options/index.html#sites')
    const table = page.getByRole('table', { name: 'Notifications seen per site' })
    const row = (site: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: site }) })
    await expect.poll(() => row('Gmail').getByRole('cell').nth(1).textContent()).toBe(String(seen))
    expect(await row('Gmail').getByRole('cell').nth(2).textContent()).not.toBe('Never')
    expect(await row('Zoho Mail').getByRole('cell').nth(1).textContent()).toBe('0')
    expect(await row('Zoho Mail').getByRole('cell').nth(2).textContent()).toBe('Never')
    await gmail.close()
    await page.close()
  })
})
