import Papa from 'papaparse';

/** What a cell may hold: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/**
 * Makes Excel read the file as UTF-8: without it, Cyrillic and Greek open as mojibake. Other
 * readers (LibreOffice, Google Sheets, papaparse) skip it.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, tab, CR first.
 * Our own regex, not papaparse's `escapeFormulae: true`, whose `/^[=+\-@\t\r].*$/` lets a formula
 * through when the text goes on to a second line (`.` and `$` stop at the line break).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV file for a spreadsheet: a header row, then one row per item; every text cell quoted (so a
 * leading zero or a date-like text stays text) and a formula-like text given a leading apostrophe,
 * because the cells hold what clients and CRMs wrote. Numbers stay numbers. CRLF line ends (RFC 4180).
 */
export function toCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: Iterable<Row>): string {
  const data = Array.from(rows, (row) => columns.map((column) => column.value(row) ?? null));
  const csv = Papa.unparse(
    { fields: columns.map((column) => column.header), data },
    { quotes: (value: unknown) => typeof value === 'string', escapeFormulae: FORMULA_START, newline: '\r\n', header: true },
  );
  return `${UTF8_BOM}${csv}\r\n`;
}
