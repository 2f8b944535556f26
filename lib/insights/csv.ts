import { toCsv } from '../export/csv';

/** An Insights table as a spreadsheet file: the unformatted numbers, under the shown headers. */
export function insightsCsv(table: { columns: string[]; rows: ReadonlyArray<ReadonlyArray<string | number | null>> }): string {
  return toCsv(
    table.columns.map((header, index) => ({ header, value: (row: ReadonlyArray<string | number | null>) => row[index] ?? null })),
    table.rows,
  );
}
