/**
 * The English messages.json as an i18n source, for component tests (no extension API there).
 * Pages never import it: they get the same text from `chrome.i18n` (i18n.ts says why).
 */
import en from '../../public/_locales/en/messages.json'
import { messagesSource } from './i18n'

export const english = messagesSource(en, 'en')
