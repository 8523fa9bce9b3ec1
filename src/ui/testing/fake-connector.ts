/** A connector for component tests: records what was sent (after the real validation) and answers. */
import type { Reply, UiMsg } from '../../core/messages'
import { type Connector, createConnector } from '../connector'

export interface FakeConnector extends Connector {
  sent: UiMsg[]
}

export function createFakeConnector(
  answer: (msg: UiMsg) => Reply | Promise<Reply> = () => ({ ok: true }),
): FakeConnector {
  const sent: UiMsg[] = []
  const connector = createConnector(async (msg) => {
    const m = msg as UiMsg
    sent.push(m)
    return answer(m)
  })
  return { sent, send: connector.send }
}
