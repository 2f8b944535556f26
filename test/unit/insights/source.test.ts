import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../lib/db/schema';
import { createTranslator } from '../../../lib/i18n';
import { insightsCsv } from '../../../lib/insights/csv';
import { buildInsightsView, createInsightsSource } from '../../../lib/insights/source';
import { makeDb } from '../factories';

const t = createTranslator('en');
const NOW = new Date('2026-06-15T09:00:00Z');
const context = { t, locale: 'en', timeZone: 'UTC', now: () => NOW };

function purchase(clientId: string, date: string, amount: number, currency = 'EUR'): EventRecord {
  return { id: `${clientId}-${date}-${amount}`, clientId, type: 'purchase', at: Date.parse(`${date}T00:00:00Z`), data: { date, amount, currency }, source: 'crm', createdAt: 0 };
}

describe('Insights view', () => {
  const purchases = [
    purchase('anna', '2025-05-10', 1_000), // a year earlier
    purchase('anna', '2026-02-01', 600), // repeat
    purchase('boris', '2026-03-01', 400), // first
    purchase('chen', '2026-04-01', 20_000, 'UAH'), // another currency, never added to euros
  ];
  const range = { from: '2026-01-01', to: '2026-06-15' };

  it('leads with the main currency, shows the others apart, and judges the repeat share against 30-50%', () => {
    const view = buildInsightsView({ purchases, touches: [] }, range, context);
    const figure = (id: string) => view.headlines.find((headline) => headline.id === id)!;
    expect(figure('revenue').value).toMatch(/^UAH\s20,000$/);
    expect(figure('revenue').note).toBe('€1,000');
    // In UAH nobody bought twice: 0% repeat, below the target.
    expect(figure('repeat-share').value).toBe('0%');
    expect(figure('repeat-share').note).toBe('Below the 30–50% target');
    expect(figure('repeat-clients').value).toBe('33.3%');
    const table = view.tables.find((entry) => entry.id === 'revenue-by-currency')!;
    expect(table.raw.rows).toEqual([
      ['EUR', 1_000, 600, 60, 1_000],
      ['UAH', 20_000, 0, 0, 0],
    ]);
    expect(view.charts.map((chart) => chart.id)).toEqual(['repeat-share', 'revenue-UAH', 'revenue-EUR', 'touches', 'cold-calls']);
  });

  it('says nothing rather than zeros when there is no data at all', () => {
    expect(buildInsightsView({ purchases: [], touches: [] }, range, context)).toEqual({ headlines: [], charts: [], tables: [] });
  });

  it('reads the database and exports a table as CSV that parses back to the same numbers', async () => {
    const db = makeDb();
    await db.events.bulkPut(purchases);
    const source = createInsightsSource({ db, ...context });
    await source.load(range);
    const rows = source.tableRows('revenue-by-currency')!;
    const parsed = Papa.parse<string[]>(insightsCsv(rows).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Currency', 'Revenue', 'From repeat sales', 'Repeat share', 'A year earlier']);
    expect(parsed[1]).toEqual(['EUR', '1000', '600', '60', '1000']);
    expect(source.tableRows('no-such-table')).toBeNull();
  });
});
