import type { RecordContext } from '../dom/context';
import { readValue, visibleText } from '../dom/read';
import type { SnapshotDraft } from '../draft';
import { columnForHeader, type ColumnField } from '../labels';
import type { PageHints } from '../page-hints';
import { parseAmount } from '../parse/amounts';
import { parseDate } from '../parse/dates';
import type { Product } from '../snapshot';
import { cleanText } from '../text';

/**
 * A table of what the client bought: a header with a product column (and maybe category and
 * date columns). The latest purchase date also tells when the client last bought.
 */
export function readProducts(tables: readonly Element[], context: RecordContext, draft: SnapshotDraft, hints: PageHints): void {
  for (const table of tables) {
    if (!context.includes(table)) continue;
    const columns = headerColumns(table);
    if (!columns || !columns.includes('product')) continue;
    const products = rowsOf(table)
      .map((row) => productFromRow(row, columns, hints))
      .filter((product): product is Product => product !== null);
    if (!products.length) continue;
    draft.add('products', products, 'label', 0.75);
    const latest = products.map((product) => product.purchasedAt).filter((date): date is string => date !== null).sort().pop();
    draft.offer('lastPurchase', latest, 'label', 0.6);
    return;
  }
}

function headerColumns(table: Element): Array<ColumnField | null> | null {
  const headerRow = table.querySelector('thead tr') ?? table.querySelector('tr');
  if (!headerRow) return null;
  const cells = Array.from(headerRow.children);
  if (cells.length < 2 || !cells.every((cell) => cell.localName === 'th')) return null;
  return cells.map((cell) => columnForHeader(visibleText(cell, 80)));
}

function rowsOf(table: Element): Element[] {
  const bodies = Array.from(table.children).filter((child) => child.localName === 'tbody');
  const rows = bodies.length ? bodies.flatMap((body) => Array.from(body.children)) : Array.from(table.children).filter((child) => child.localName === 'tr').slice(1);
  return rows.filter((row) => row.localName === 'tr').slice(0, 100);
}

function productFromRow(row: Element, columns: Array<ColumnField | null>, hints: PageHints): Product | null {
  const cells = Array.from(row.children);
  const cellFor = (field: ColumnField) => {
    const index = columns.indexOf(field);
    return index >= 0 ? cells[index] : undefined;
  };
  const nameCell = cellFor('product');
  const name = nameCell ? cleanText(visibleText(nameCell, 300), 300) : null;
  if (!name) return null;
  const categoryCell = cellFor('category');
  const dateCell = cellFor('purchasedAt');
  const date = dateCell ? readValue(dateCell) : null;
  const amountCell = cellFor('amount');
  const amount = amountCell ? parseAmount(visibleText(amountCell, 80)) : null;
  return {
    name,
    category: categoryCell ? cleanText(visibleText(categoryCell, 200), 200) : null,
    purchasedAt: date ? (parseDate(date.machine ?? '', 'dmy') ?? parseDate(date.text, hints.dateOrder)) : null,
    ...(amount ? { amount } : {}),
  };
}
