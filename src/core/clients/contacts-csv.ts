/**
 * Contacts from a CSV file (a spreadsheet, or a Google/Outlook contacts export): a name and an
 * email per row, each row checked on its own so the preview can say what is wrong with which
 * line, and the good rows can still be imported.
 */
import { parseCsv, type Separator } from './csv'
import { normEmail, normName } from './identity'

/** More rows than anyone's client list; a whole address book belongs elsewhere. */
export const CSV_MAX_ROWS = 2000
/** The schema's limits on a client's name and an identity's value. */
const NAME_MAX = 80
const EMAIL_MAX = 200

export type ContactError =
  | 'name-missing'
  /** Longer than a client's name may be (80). */
  | 'name-too-long'
  | 'email-missing'
  | 'email-invalid'
  /** The same address on an earlier line of the file (`firstLine`). */
  | 'email-duplicate'
  /** The address already belongs to a client (`takenBy`). */
  | 'email-taken'

export interface ContactRow {
  line: number
  name: string
  /** As written, trimmed; compare with normEmail. */
  email: string
  errors: ContactError[]
  firstLine?: number
  takenBy?: string
}

export interface ContactsCsv {
  rows: ContactRow[]
  separator: Separator
  /** The first line named the columns. */
  header: boolean
  /** Rows after the first CSV_MAX_ROWS were left out. */
  more: boolean
  /** The line of a quote that was never closed, 0 if none. */
  unclosedQuoteAt: number
}

const key = (s: string) =>
  normName(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

const NAME = [
  'name',
  'nombre',
  'full name',
  'nombre completo',
  'display name',
  'contact',
  'contacto',
]
const NAME_PARTS = {
  first: ['first name', 'given name', 'nombre de pila'],
  last: ['last name', 'family name', 'surname', 'apellido', 'apellidos'],
}
/** Exact names, and the starts of Google's "E-mail 1 - Value" and Outlook's "E-mail Address". */
const EMAIL = [
  'email',
  'e mail',
  'mail',
  'correo',
  'correo electronico',
  'email address',
  'direccion de correo electronico',
]
const EMAIL_START = ['email', 'e mail', 'correo']

interface Columns {
  name: number[]
  email: number
}

/** The columns a header row names, or null when the first row is not a header. */
export function headerColumns(cells: readonly string[]): Columns | null {
  const keys = cells.map(key)
  // Google writes "E-mail 1 - Type" (home, work) before "E-mail 1 - Value".
  const email = keys.findIndex(
    (k) =>
      EMAIL.includes(k) ||
      (EMAIL_START.some((s) => k.startsWith(`${s} `)) && !/ (type|tipo|label|etiqueta)$/.test(k)),
  )
  const whole = keys.findIndex((k) => NAME.includes(k))
  const first = keys.findIndex((k) => NAME_PARTS.first.includes(k))
  const last = keys.findIndex((k) => NAME_PARTS.last.includes(k))
  // Outlook in Spanish writes "Nombre" (the first name) and "Apellidos".
  const name =
    whole >= 0
      ? [whole, ...(keys[whole] === 'nombre' && last >= 0 ? [last] : [])]
      : [first, last].filter((i) => i >= 0)
  if (email < 0 && name.length === 0) return null
  return { name, email }
}

/** Without a header: name then email, unless the first row has them the other way round. */
function guessColumns(cells: readonly string[]): Columns {
  const looksLikeEmail = (s: string | undefined) => s?.includes('@') === true
  return looksLikeEmail(cells[0]) && !looksLikeEmail(cells[1])
    ? { name: cells.length > 1 ? [1] : [], email: 0 }
    : { name: [0], email: 1 }
}

/**
 * Parses and checks contacts. `taken` maps each address a client already has (normEmail) to
 * that client's name.
 */
export function parseContacts(text: string, taken: ReadonlyMap<string, string>): ContactsCsv {
  // One more than the cap, for the header row.
  const table = parseCsv(text, { limit: CSV_MAX_ROWS + 1 })
  const [first] = table.records
  const named = first ? headerColumns(first.fields) : null
  const columns = named ?? guessColumns(first?.fields ?? [])
  const data = named ? table.records.slice(1) : table.records
  const more = table.more || data.length > CSV_MAX_ROWS

  const seen = new Map<string, number>()
  const rows = data.slice(0, CSV_MAX_ROWS).map(({ line, fields }): ContactRow => {
    const cell = (i: number) => (fields[i] ?? '').trim()
    const name = columns.name
      .map(cell)
      .filter((s) => s !== '')
      .join(' ')
      .replace(/\s+/g, ' ')
    const email = columns.email >= 0 ? cell(columns.email) : ''
    const row: ContactRow = { line, name, email, errors: [] }
    if (name === '') row.errors.push('name-missing')
    else if (name.length > NAME_MAX) row.errors.push('name-too-long')
    const norm = normEmail(email)
    if (email === '') row.errors.push('email-missing')
    else if (norm === '' || email.length > EMAIL_MAX) row.errors.push('email-invalid')
    else if (seen.has(norm)) {
      row.errors.push('email-duplicate')
      row.firstLine = seen.get(norm)
    } else {
      seen.set(norm, line)
      const owner = taken.get(norm)
      if (owner !== undefined) {
        row.errors.push('email-taken')
        row.takenBy = owner
      }
    }
    return row
  })
  return {
    rows,
    separator: table.separator,
    header: named !== null,
    more,
    unclosedQuoteAt: table.unclosedQuoteAt,
  }
}

/**
 * The errors that stop a row from being imported: a name only matters when each row becomes
 * (or joins) a client of that name, not when every address goes to one client.
 */
export function blockingErrors(row: ContactRow, mode: 'each' | 'one'): ContactError[] {
  return mode === 'one'
    ? row.errors.filter((e) => e !== 'name-missing' && e !== 'name-too-long')
    : row.errors
}
