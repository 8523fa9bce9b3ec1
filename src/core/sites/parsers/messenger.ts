/**
 * Messenger (www.messenger.com, and messages on www.facebook.com).
 *
 * Source: confirmed, ferdium/ferdium-recipes `recipes/messenger/webview.js` (its onNotify
 * handler; the same in the Franz recipe): the title and the body are sometimes React-element-like
 * objects, not strings, and their text is `props.content[0]`. The hook hands such objects over
 * as JSON, so here they arrive as `{"props":{"content":[…]},…}`.
 *
 * Only that object shape is recognised. Plain-string titles also occur, but nothing says whether
 * they name the sender or the conversation, so they go to the generic parser and are counted.
 */
import type { Site } from '..'
import type { CaptureInput, Parsed } from '../parse'
import { objectOr, plainText, readObject } from '../text'
import { finish } from './shared'

export function messenger(site: Site, cap: CaptureInput): Parsed | null {
  const title = contentOf(cap.title)
  const body = contentOf(cap.body)
  if (!title && !body) return null
  const titleText = title?.text ?? plainText(cap.title)
  return finish(site, cap, 'messenger', true, {
    name: title?.first || titleText,
    title: titleText,
    body: body?.text ?? plainText(cap.body),
  })
}

/**
 * A React-like element's `props.content`, or null when `raw` is not one: `first` is its first
 * item when that is a string (what Ferdium shows as the title), `text` all of it. React renders
 * an array of strings joined as they are, so that is how they are joined; items that are not
 * strings (nested elements) are read for their strings.
 */
function contentOf(raw: string): { first: string; text: string } | null {
  const content = objectOr(readObject(raw)?.props)?.content
  if (!Array.isArray(content)) return null
  let text = ''
  for (const item of content.slice(0, 50)) {
    text += typeof item === 'string' ? item : plainText(JSON.stringify(item) ?? '')
  }
  const first = content[0]
  return { first: typeof first === 'string' ? first.trim() : '', text: text.trim() }
}
