/**
 * The review page's test data: two clients (Acme answers within 2 h, Beta within 24 h) and two
 * unknown senders, in two blocks, at 12:00 on Tuesday 4 March 2025.
 *
 *   Acme   WhatsApp group "Proyecto web": Pedro 9:00, Ana 9:30 (reply was due 11:00: overdue)
 *          Gmail, Ana Ruiz direct: 10:02, 10:04, 10:07, 10:09 (one burst of 4)
 *   Beta   Gmail, Bruno direct: 11:00 (reply by tomorrow 11:00)
 *   Marta  (unknown) Gmail 8:00, 8:30 (block "old"), plus one snoozed until 13:00
 *   #ops   (unknown) Slack 10:20
 * and one of Ana's already done.
 */
import { testClient } from '../../core/clients/testing'
import type { UiMsg } from '../../core/messages'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import type { MargenDb } from '../../store/db'
import { createFakeConnector } from '../testing/fake-connector'
import { addCaptures, capture, session, testDb } from '../testing/render-app'

export const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime()
export const NOW = at(4, 12)
export const SNOOZED_UNTIL = at(4, 13)

export const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  rules: {
    ...DEFAULT_SETTINGS.rules,
    clients: [
      testClient('acme', { colour: '#c2410c', responseHours: 2 }),
      testClient('beta', { colour: '#15803d', responseHours: 24 }),
    ],
  },
}

const acme = { clientId: 'acme', sessionId: 'new' }
const group = { ...acme, site: 'whatsapp', conversation: 'Proyecto web', title: 'Proyecto web' }

export async function seedReview(db: MargenDb = testDb()) {
  await db.kv.put({ key: 'settings', value: SETTINGS })
  await db.sessions.bulkAdd([
    session({ id: 'old', startedAt: at(4, 7, 45), endsAt: at(4, 8, 45), endedAt: at(4, 8, 45) }),
    session({ id: 'new', startedAt: at(4, 9), endsAt: at(4, 11, 30), endedAt: at(4, 11, 30) }),
  ])
  const ids = await addCaptures(db, [
    capture({ at: at(4, 9), ...group, sender: 'Pedro', body: 'Pedro: ¿Subimos la web hoy?' }),
    capture({ at: at(4, 9, 30), ...group, sender: 'Ana Ruiz', body: 'Ana Ruiz: Sí, a las 5' }),
    capture({ at: at(4, 10, 2), ...acme, sender: 'Ana Ruiz', body: 'Hola' }),
    capture({ at: at(4, 10, 4), ...acme, sender: 'Ana Ruiz', body: '¿Estás?' }),
    capture({
      at: at(4, 10, 7),
      ...acme,
      sender: 'Ana Ruiz',
      body: 'Te paso el logo',
      keyword: '',
    }),
    capture({
      at: at(4, 10, 9),
      ...acme,
      sender: 'Ana Ruiz',
      body: 'Es urgente, el logo',
      keyword: 'urgente',
      urgent: 1,
    }),
    capture({
      at: at(4, 11),
      clientId: 'beta',
      sessionId: 'new',
      sender: 'Bruno',
      body: 'Presupuesto',
    }),
    capture({ at: at(4, 8), sessionId: 'old', sender: 'Marta', body: 'Factura de marzo' }),
    capture({ at: at(4, 8, 30), sessionId: 'old', sender: 'Marta', body: 'Otra cosa' }),
    capture({
      at: at(4, 10, 20),
      sessionId: 'new',
      sender: '#ops',
      site: 'slack',
      body: 'Deploy hecho',
    }),
    capture({ at: at(4, 10, 50), ...acme, sender: 'Ana Ruiz', body: 'Old news', status: 'done' }),
    capture({
      at: at(4, 8, 40),
      sessionId: 'old',
      sender: 'Marta',
      body: 'Ya lo miro luego',
      snoozeUntil: SNOOZED_UNTIL,
    }),
  ])
  const [pedro, ana930, hola, estas, logo, urgente, bruno, marta1, marta2, ops, , later] = ids
  return {
    db,
    ids: { pedro, ana930, hola, estas, logo, urgente, bruno, marta1, marta2, ops, later } as Record<
      string,
      number
    >,
  }
}

/** A fake background that changes the database as the real one does on these commands. */
export function backgroundLike(db: MargenDb, until = at(5, 9)) {
  return createFakeConnector(async (msg: UiMsg) => {
    if (msg.type === 'ui/mark-done')
      await db.captures.bulkUpdate(
        msg.ids.map((key) => ({ key, changes: { status: 'done' as const } })),
      )
    if (msg.type === 'ui/snooze') {
      await db.captures.bulkUpdate(msg.ids.map((key) => ({ key, changes: { snoozeUntil: until } })))
      return { ok: true, changed: msg.ids.length, until }
    }
    return { ok: true }
  })
}
