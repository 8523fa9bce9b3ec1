import { describe, expect, it } from 'vitest'
import { blockingErrors, CSV_MAX_ROWS, headerColumns, parseContacts } from './contacts-csv'

const none = new Map<string, string>()
const brief = (text: string, taken = none) =>
  parseContacts(text, taken).rows.map((r) => [r.line, r.name, r.email, r.errors])

describe('headerColumns', () => {
  it.each([
    [['name', 'email'], { name: [0], email: 1 }],
    [['Nombre', 'Correo'], { name: [0], email: 1 }],
    [['Correo electrónico', 'Nombre completo'], { name: [1], email: 0 }],
    [['E-mail', 'Contact'], { name: [1], email: 0 }],
    [['First Name', 'Middle Name', 'Last Name', 'E-mail Address'], { name: [0, 2], email: 3 }],
    [
      ['Nombre', 'Segundo nombre', 'Apellidos', 'Dirección de correo electrónico'],
      {
        name: [0, 2],
        email: 3,
      },
    ],
    [['Name', 'Given Name', 'E-mail 1 - Type', 'E-mail 1 - Value'], { name: [0], email: 3 }],
    [['Correo electrónico 1 - Valor', 'Nombre'], { name: [1], email: 0 }],
    [['  EMAIL ', 'company'], { name: [], email: 0 }],
  ])('%j', (cells, columns) => {
    expect(headerColumns(cells)).toEqual(columns)
  })

  it('is null for a row of data', () => {
    expect(headerColumns(['Ana Pérez', 'ana@acme.com'])).toBeNull()
    expect(headerColumns([])).toBeNull()
  })
})

describe('parseContacts', () => {
  it('reads a header row, then name and email by column', () => {
    const csv = parseContacts('email,name\r\nana@acme.com,Ana\r\nluis@acme.com,Luis\r\n', none)
    expect(csv.header).toBe(true)
    expect(csv.rows).toEqual([
      { line: 2, name: 'Ana', email: 'ana@acme.com', errors: [] },
      { line: 3, name: 'Luis', email: 'luis@acme.com', errors: [] },
    ])
  })

  it('reads a Spanish Excel export: BOM, semicolons, quotes, accents', () => {
    const text =
      '\uFEFFNombre;Apellidos;Correo electrónico\r\n"José";"Muñoz; hijo";jose@acme.es\r\n'
    const csv = parseContacts(text, none)
    expect(csv.separator).toBe(';')
    expect(csv.rows[0]).toMatchObject({ name: 'José Muñoz; hijo', email: 'jose@acme.es' })
  })

  it('without a header takes name then email, or the other way when the first row says so', () => {
    expect(brief('Ana,ana@acme.com\nLuis,luis@acme.com')).toEqual([
      [1, 'Ana', 'ana@acme.com', []],
      [2, 'Luis', 'luis@acme.com', []],
    ])
    expect(brief('ana@acme.com,Ana')).toEqual([[1, 'Ana', 'ana@acme.com', []]])
    expect(parseContacts('Ana,ana@acme.com', none).header).toBe(false)
  })

  it('reads a single column of addresses, with no names', () => {
    expect(brief('ana@acme.com\nluis@acme.com')).toEqual([
      [1, '', 'ana@acme.com', ['name-missing']],
      [2, '', 'luis@acme.com', ['name-missing']],
    ])
  })

  it('says what is wrong with each row', () => {
    const text = [
      'name,email',
      'Ana,ana@acme.com',
      ',nobody@acme.com',
      'Luis,',
      'Marta,marta at acme',
      'Ana again,ANA@acme.com ',
      '  ,  ',
      'Pilar,pilar@acme.com',
      `${'N'.repeat(81)},long@acme.com`,
      `Quique,${'q'.repeat(200)}@acme.com`,
    ].join('\n')
    expect(brief(text)).toEqual([
      [2, 'Ana', 'ana@acme.com', []],
      [3, '', 'nobody@acme.com', ['name-missing']],
      [4, 'Luis', '', ['email-missing']],
      [5, 'Marta', 'marta at acme', ['email-invalid']],
      [6, 'Ana again', 'ANA@acme.com', ['email-duplicate']],
      [8, 'Pilar', 'pilar@acme.com', []],
      [9, 'N'.repeat(81), 'long@acme.com', ['name-too-long']],
      [10, 'Quique', `${'q'.repeat(200)}@acme.com`, ['email-invalid']],
    ])
    expect(parseContacts(text, none).rows[4]?.firstLine).toBe(2)
  })

  it('flags an address that already belongs to a client, naming the client', () => {
    const taken = new Map([['ana@acme.com', 'Acme']])
    const [row] = parseContacts('Ana,Ana@Acme.com', taken).rows
    expect(row).toMatchObject({ errors: ['email-taken'], takenBy: 'Acme' })
  })

  it('keeps a name with line breaks on one line', () => {
    expect(brief('"Ana\nPérez",ana@acme.com')).toEqual([[1, 'Ana Pérez', 'ana@acme.com', []]])
  })

  it(`reads at most ${CSV_MAX_ROWS} rows, not counting the header`, () => {
    const lines = Array.from({ length: CSV_MAX_ROWS + 5 }, (_, i) => `P${i},p${i}@acme.com`)
    const withHeader = parseContacts(['name,email', ...lines].join('\n'), none)
    expect(withHeader.rows).toHaveLength(CSV_MAX_ROWS)
    expect(withHeader.more).toBe(true)
    expect(withHeader.rows.at(-1)?.line).toBe(CSV_MAX_ROWS + 1)
    const exact = parseContacts(lines.slice(0, CSV_MAX_ROWS).join('\n'), none)
    expect(exact.rows).toHaveLength(CSV_MAX_ROWS)
    expect(exact.more).toBe(false)
    const exactWithHeader = parseContacts(
      ['name,email', ...lines.slice(0, CSV_MAX_ROWS)].join('\n'),
      none,
    )
    expect(exactWithHeader.more).toBe(false)
  })

  it('reports an unclosed quote and reads nothing from an empty file', () => {
    expect(parseContacts('name,email\n"Ana,ana@acme.com', none).unclosedQuoteAt).toBe(2)
    expect(parseContacts('', none)).toMatchObject({ rows: [], header: false, more: false })
  })
})

describe('blockingErrors', () => {
  it('ignores a missing name when all addresses go to one client', () => {
    const row = { line: 1, name: '', email: 'x', errors: ['name-missing' as const] }
    expect(blockingErrors(row, 'each')).toEqual(['name-missing'])
    expect(blockingErrors(row, 'one')).toEqual([])
    const long = { ...row, errors: ['name-too-long' as const, 'email-taken' as const] }
    expect(blockingErrors(long, 'one')).toEqual(['email-taken'])
  })
})
