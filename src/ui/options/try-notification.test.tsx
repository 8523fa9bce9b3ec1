import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { Client } from '../../core/clients/schema'
import { identity, rulesWith, testClient } from '../../core/clients/testing'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import type { MargenDb } from '../../store/db'
import { renderApp, session, testDb } from '../testing/render-app'
import { TryNotification } from './try-notification'

/** Tuesday 4 March 2025, 12:00: between the 9–11 block and the end of working hours. */
const tue = (h: number, m = 0) => new Date(2025, 2, 4, h, m).getTime()
const NOW = tue(12)
const hm = (h: number) => h * 60
const nine = { start: hm(9), end: hm(18) }

const acme = testClient('acme', {
  tier: 'priority',
  identities: [identity('email', 'ana@acme.com')],
})

const stored: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: {
    blocks: [{ id: 'bo', label: 'Backoffice', days: [1, 2, 3, 4, 5], start: hm(9), end: hm(11) }],
    workingHours: [null, nine, nine, nine, nine, nine, null],
    offHours: true,
  },
  rules: rulesWith({ clients: [acme], emergency: [identity('email', 'boss@home.es')] }),
}

let db: MargenDb
afterEach(async () => {
  cleanup()
  await db.delete()
})

async function setup(settings: Settings = stored) {
  db = testDb()
  await db.kv.put({ key: 'settings', value: settings })
  renderApp(<TryNotification />, { db, now: NOW })
  await screen.findByRole('heading', { name: 'Try a notification' })
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Try it' }).hasAttribute('disabled')).toBe(false),
  )
}

function fill(title: string, body = '') {
  fireEvent.input(screen.getByLabelText('Title'), { target: { value: title } })
  fireEvent.input(screen.getByLabelText('Text'), { target: { value: body } })
}

const output = () => document.querySelector('[aria-live="polite"]') as HTMLElement
const tryIt = () => fireEvent.click(screen.getByRole('button', { name: 'Try it' }))

describe('try a notification', () => {
  it('delivers now, outside any quiet period, and says who it is from', async () => {
    await setup()
    fill('Ana Ruiz <ana@acme.com>', 'Hola')
    tryIt()
    await waitFor(() =>
      expect(within(output()).getByText('Delivered: not in a quiet period')).toBeTruthy(),
    )
    expect(
      within(output()).getByText('From Ana Ruiz · client Acme (matched by ana@acme.com)'),
    ).toBeTruthy()
  })

  it('holds the same message at a chosen time inside a block, and explains why', async () => {
    await setup()
    fill('Ana Ruiz <ana@acme.com>', 'Hola')
    fireEvent.click(screen.getByLabelText('At another time'))
    fireEvent.input(screen.getByLabelText('Date and time'), {
      target: { value: '2025-03-04T10:00' },
    })
    tryIt()
    expect(await within(output()).findByText('Held: no breakthrough rule applied')).toBeTruthy()
    expect(within(output()).getByText(/^In a block: quiet until Tuesday, March 4, 11:00\sAM\.$/))
  })

  it('lets an emergency sender through outside working hours', async () => {
    await setup()
    fill('Boss <boss@home.es>', 'Call me')
    fireEvent.click(screen.getByLabelText('At another time'))
    fireEvent.input(screen.getByLabelText('Date and time'), {
      target: { value: '2025-03-04T22:30' },
    })
    tryIt()
    expect(await within(output()).findByText('Delivered: Boss is an emergency sender')).toBeTruthy()
    expect(within(output()).getByText('boss@home.es is on your emergency list.')).toBeTruthy()
    expect(within(output()).getByText(/^Outside working hours: quiet until Wednesday, March 5/))
  })

  it('counts a focus session started by hand, for "now"', async () => {
    await setup()
    await db.sessions.add(
      session({
        id: 'm1',
        kind: 'manual',
        state: 'active',
        startedAt: tue(11, 50),
        endsAt: tue(13),
      }),
    )
    await db.kv.put({ key: 'manual', value: { id: 'm1', startedAt: tue(11, 50), until: tue(13) } })
    fill('Luis <luis@other.com>', 'URGENT: call me')
    tryIt()
    expect(
      await within(output()).findByText(
        'Held: not from a client — add them to a client to use breakthrough rules',
      ),
    ).toBeTruthy()
    expect(within(output()).getByText('From Luis · not in any client')).toBeTruthy()
    expect(within(output()).getByText('Urgent keyword found: “urgent”.')).toBeTruthy()
  })

  it('follows the stored rules live', async () => {
    await setup()
    fill('Luis <luis@other.com>')
    tryIt()
    expect(await within(output()).findByText('From Luis · not in any client')).toBeTruthy()
    const luis: Client = {
      ...acme,
      id: 'gil',
      name: 'Gil & Co',
      identities: [{ kind: 'email', value: 'luis@other.com', site: '' }],
    }
    await db.kv.put({
      key: 'settings',
      value: { ...stored, rules: { ...stored.rules, clients: [acme, luis] } },
    })
    expect(
      await within(output()).findByText('From Luis · client Gil & Co (matched by luis@other.com)'),
    ).toBeTruthy()
  })

  it('says so for a site the user does not watch', async () => {
    await setup({ ...stored, unwatched: ['slack'] })
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'slack' } })
    fill('Ana Ruiz')
    tryIt()
    expect(
      await within(output()).findByText(
        "Delivered: Margen doesn't watch Slack, so its notifications always get through",
      ),
    ).toBeTruthy()
  })

  it('asks for a time when the chosen one is empty, and explains what a try leaves out', async () => {
    await setup()
    fireEvent.click(screen.getByLabelText('At another time'))
    fireEvent.input(screen.getByLabelText('Date and time'), { target: { value: '' } })
    tryIt()
    expect(await screen.findByText('Choose a date and time.')).toBeTruthy()
    expect(screen.getByLabelText('Date and time').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText(/the repeat rule and the daily breakthrough limit/i)).toBeTruthy()
  })
})
