/**
 * CSV as spreadsheets and contact apps really write it (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180):
 * quoted fields with doubled quotes, separators and line breaks inside quotes, CRLF or LF, a
 * UTF-8 byte order mark. Excel set to Spanish (and most of continental Europe) writes `;` instead
 * of `,`, because the comma is the decimal separator there, so the separator is detected.
 * Lenient where files are sloppy: text after a closing quote is kept, a quote inside an unquoted
 * field is literal, and an unclosed quote takes the rest of the file (and is reported).
 */

export type Separator = ',' | ';' | '\t'

export interface CsvRecord {
  /** The 1-based line the record starts on, for messages ("line 12"). */
  line: number
  fields: string[]
}

export interface CsvTable {
  records: CsvRecord[]
  separator: Separator
  /** More non-blank records followed the `limit`th one; they were not read. */
  more: boolean
  /** The line of a quote that was never closed, 0 if none. */
  unclosedQuoteAt: number
}

const SEPARATORS: readonly Separator[] = [',', ';', '\t']

/** The separator used most on the first line (outside quotes); `,` when none is. */
export function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>()
  let quoted = false
  for (const ch of stripBom(text)) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && SEPARATORS.includes(ch as Separator))
      counts.set(ch as Separator, (counts.get(ch as Separator) ?? 0) + 1)
  }
  let best: Separator = ','
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s
  return best
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

/** Blank lines, and lines of separators only (`;;;`, as spreadsheets pad them), are skipped. */
const isBlank = (fields: readonly string[]) => fields.every((f) => f.trim() === '')

/** Reads up to `limit` non-blank records. */
export function parseCsv(
  input: string,
  opts: { separator?: Separator; limit?: number } = {},
): CsvTable {
  const text = stripBom(input)
  const separator = opts.separator ?? detectSeparator(text)
  const limit = opts.limit ?? Number.POSITIVE_INFINITY
  const records: CsvRecord[] = []
  let unclosedQuoteAt = 0
  let line = 1
  let i = 0
  const n = text.length

  while (i < n) {
    const start = line
    const fields: string[] = []
    let field = ''
    let quoted = false
    let quoteLine = 0
    let ended = false
    while (i < n && !ended) {
      const ch = text[i] as string
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          quoted = false
        } else {
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
          field += ch
        }
        i++
      } else if (ch === '"' && field === '') {
        quoted = true
        quoteLine = line
        i++
      } else if (ch === separator) {
        fields.push(field)
        field = ''
        i++
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
        line++
        ended = true
      } else {
        field += ch
        i++
      }
    }
    if (quoted) unclosedQuoteAt = quoteLine
    fields.push(field)
    if (isBlank(fields)) continue
    if (records.length >= limit) return { records, separator, more: true, unclosedQuoteAt }
    records.push({ line: start, fields })
  }
  return { records, separator, more: false, unclosedQuoteAt }
}

/**
 * A file's text: UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's "Unicode text"), and
 * otherwise Windows-1252, which Excel's plain "CSV" uses on Spanish and English Windows: read as
 * UTF-8, its "Muñoz" would come out as "Mu�oz".
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return decodeWindows1252(bytes)
  }
}

/**
 * Windows-1252 by hand: Node's TextDecoder reads it as ISO-8859-1, which gets "€", "“" and "–"
 * (0x80–0x9F) wrong (https://github.com/nodejs/node/issues/56542).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes)
    out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? (CP1252[b - 0x80] ?? b) : b)
  return out
}

// biome-ignore format: one row per 8 bytes
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
]
