import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, type Rules } from '../../../core/clients/schema'
import { UNREACHABLE } from '../../connector'
import { createI18n } from '../../i18n'
import { english } from '../../i18n-english'
import { createFakeConnector } from '../../testing/fake-connector'
import { blankClient } from './draft'
import { saveRules } from './save-rules'

const i18n = createI18n(english)
const rules: Rules = {
  ...DEFAULT_RULES,
  clients: [{ ...blankClient('Acme', 0, 'a'), name: '  Acme ' }],
  keywords: [' urgent '],
}

describe('saveRules', () => {
  it('sends nothing for rules that fail the check, and returns their errors', async () => {
    const connector = createFakeConnector()
    let sending = false
    const bad = { ...rules, emergency: [{ kind: 'email' as const, value: 'x', site: '' as const }] }
    const outcome = await saveRules(connector, i18n, bad, () => {
      sending = true
    })
    expect(outcome).toMatchObject({ ok: false, checked: true, failure: null })
    expect(outcome.ok ? [] : outcome.errors.map((e) => [e.path, e.code])).toEqual([
      ['emergency.0.value', 'identity-invalid'],
    ])
    expect(connector.sent).toEqual([])
    expect(sending).toBe(false)
  })

  it('sends the rules as validated (trimmed) and returns them', async () => {
    const connector = createFakeConnector()
    const outcome = await saveRules(connector, i18n, rules)
    const trimmed = {
      ...rules,
      clients: [{ ...rules.clients[0], name: 'Acme' }],
      keywords: ['urgent'],
    }
    expect(outcome).toEqual({ ok: true, rules: trimmed })
    expect(connector.sent).toEqual([{ type: 'ui/rules-save', rules: trimmed }])
  })

  it("returns the background's field errors, or its message when it gave none", async () => {
    const errors = [{ path: 'clients.0.name', code: 'duplicate-name', message: 'x' }]
    const refused = createFakeConnector(() => ({ ok: false, error: 'no', errors }))
    expect(await saveRules(refused, i18n, rules)).toEqual({
      ok: false,
      checked: false,
      errors,
      failure: null,
    })
    const gone = createFakeConnector(() => ({ ok: false, error: UNREACHABLE }))
    expect(await saveRules(gone, i18n, rules)).toMatchObject({
      errors: [],
      failure: "Margen's background isn't reachable. Try reloading the extension.",
    })
  })
})
