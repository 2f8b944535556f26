import type { TableView } from '../../lib/insights/chart-data';

/** A plain, captioned table: the accessible form of every figure, and what CSV exports read. */
export function DataTable({ table, caption, testId }: { table: TableView; caption: string; testId?: string }) {
  return (
    <div class="tb-table-scroll">
      <table class="tb-table" data-testid={testId}>
        <caption class="tb-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
