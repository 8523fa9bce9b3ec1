/**
 * Writing CSV cells: RFC 4180 quoting (https://www.rfc-editor.org/rfc/rfc4180, 2.6 and 2.7) and
 * protection against formula injection. A spreadsheet reads a cell that starts with `=`, `+`,
 * `-` or `@` (and, in some, a tab, CR or NUL first) as a formula, so a notification titled
 * `=HYPERLINK(...)` would run when the export is opened. Following OWASP's CSV injection advice
 * (https://owasp.org/www-community/attacks/CSV_Injection) and ASVS 1.2.10, such a cell gets a
 * leading `'`, which the spreadsheet takes as "this is text" and does not show.
 */

export type CsvSeparator = ',' | ';'

/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\0]/

/** The text with a leading `'` when it could be read as a formula; unchanged otherwise. */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Quoted when it holds the separator, a quote or a line break; quotes inside are doubled. */
export function quote(text: string, sep: CsvSeparator): string {
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * One cell. Text from pages is neutralized and quoted; numbers are written by Margen itself
 * (ids, 0 and 1 flags, never negative), so they go as they are.
 */
export function cell(value: string | number, sep: CsvSeparator): string {
  return typeof value === 'number' ? String(value) : quote(neutralize(value), sep)
}

/** One record, with RFC 4180's CRLF at its end. */
export function csvLine(values: readonly (string | number)[], sep: CsvSeparator): string {
  return `${values.map((v) => cell(v, sep)).join(sep)}\r\n`
}

/** Written first so that Excel reads the file as UTF-8 (without it, "Muñoz" shows as "MuÃ±oz"). */
export const BOM = '\uFEFF'
