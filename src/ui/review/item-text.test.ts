import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n'
import { english } from '../i18n-english'
import { itemText } from './item-text'

const i18n = createI18n(english)
const text = (title: string, body: string, sender: string, conversation = '') =>
  itemText(i18n, { title, body, sender, conversation })

describe('itemText', () => {
  it('reads a direct message as the shared captureText does', () => {
    expect(text('Ana Ruiz', 'Invoice attached', 'Ana Ruiz')).toMatchObject({
      title: 'Invoice attached',
      body: '',
    })
    expect(text('Re: invoice', 'See attached', 'Ana Ruiz')).toMatchObject({
      title: 'Re: invoice',
      body: 'See attached',
    })
  })

  it("drops a group chat's name and the sender's prefix: the headers say both", () => {
    expect(
      text('Reforma Calle Mayor', 'Tomás: Las baldosas llegan', 'Tomás', 'Reforma Calle Mayor'),
    ).toMatchObject({ title: 'Las baldosas llegan', body: '', label: 'Las baldosas llegan' })
    expect(text('reforma calle mayor', 'Sin prefijo', 'Tomás', 'Reforma Calle Mayor').title).toBe(
      'Sin prefijo',
    )
  })

  it('keeps a title that says something else, and a body that only mentions the sender', () => {
    expect(text('Nuevo hilo', 'Ana dice: hola', 'Ana', '#general')).toMatchObject({
      title: 'Nuevo hilo',
      body: 'Ana dice: hola',
    })
  })
})
