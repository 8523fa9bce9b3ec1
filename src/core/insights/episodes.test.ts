import { describe, expect, it } from 'vitest'
import { EPISODE_GAP, episodeKey, episodeStarts } from './episodes'
import { row } from './testing'
import { MINUTE } from './zone'

const T = Date.UTC(2026, 4, 4, 9)
const min = (m: number) => T + m * MINUTE
const ana = (m: number, over = {}) => row({ at: min(m), senderKey: 'gmail:ana', ...over })
const bo = (m: number, over = {}) => row({ at: min(m), senderKey: 'gmail:bo', ...over })

describe('held episodes (chain rule, 5 minutes)', () => {
  it('joins each message within 5 minutes of the previous one of the same sender', () => {
    // A drip every 4 minutes for 20 minutes: one episode, though its ends are 20 minutes apart.
    expect(episodeStarts([0, 4, 8, 12, 16, 20].map((m) => ana(m)))).toEqual([min(0)])
  })

  it('starts a new episode after a gap of more than 5 minutes', () => {
    expect(episodeStarts([ana(0), ana(6), ana(7)])).toEqual([min(0), min(6)])
  })

  it('counts exactly 5 minutes as within, 5 minutes and 1 ms as not', () => {
    expect(episodeStarts([ana(0), row({ ...ana(0), at: min(0) + EPISODE_GAP })])).toHaveLength(1)
    expect(episodeStarts([ana(0), row({ ...ana(0), at: min(0) + EPISODE_GAP + 1 })])).toHaveLength(
      2,
    )
  })

  it('keeps senders apart, even interleaved', () => {
    expect(episodeStarts([ana(0), bo(1), ana(3), bo(4), ana(20)])).toEqual([
      min(0),
      min(1),
      min(20),
    ])
  })

  it('makes one episode of a conversation, whoever wrote in it', () => {
    const group = { conversation: 'Equipo web', site: 'whatsapp' }
    expect(
      episodeStarts([
        ana(0, group),
        bo(2, group),
        ana(4, group),
        // The same sender outside the conversation is another thing to answer.
        ana(5),
      ]),
    ).toEqual([min(0), min(5)])
  })

  it('keeps conversations of the same name on different sites apart', () => {
    const a = episodeKey({ site: 'slack', senderKey: 'slack:ana', conversation: 'general' })
    const b = episodeKey({ site: 'teams', senderKey: 'teams:ana', conversation: 'general' })
    expect(a).not.toBe(b)
    expect(episodeKey({ site: 'gmail', senderKey: 'gmail:ana', conversation: '' })).toBe(
      'gmail:ana',
    )
  })

  it('ignores delivered messages: they neither join nor break an episode', () => {
    const delivered = { verdict: 'deliver' as const, reason: 'urgent-keyword' as const }
    expect(episodeStarts([ana(0), ana(3, delivered), ana(5)])).toEqual([min(0)])
    expect(episodeStarts([ana(0, delivered), ana(3, delivered)])).toEqual([])
  })

  it('gives the same answer for rows in any order', () => {
    const rows = [ana(0), bo(1), ana(3), bo(9), ana(10), ana(14), bo(30)]
    const shuffled = [rows[4]!, rows[0]!, rows[6]!, rows[2]!, rows[1]!, rows[5]!, rows[3]!]
    expect(episodeStarts(shuffled)).toEqual(episodeStarts(rows))
    expect(episodeStarts(rows)).toEqual([min(0), min(1), min(9), min(10), min(30)])
  })

  it('accepts another gap', () => {
    expect(episodeStarts([ana(0), ana(9)], 10 * MINUTE)).toHaveLength(1)
  })
})
