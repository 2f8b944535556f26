import type { TouchbookDb } from '../db/database';
import type { TouchOutcome } from '../db/schema';
import { OUTCOME_LABELS } from '../export/touches-csv';
import type { Translate } from '../i18n';
import { valueFormatter, type ChartData, type ChartSeries, type TableView } from './chart-data';
import { datedPurchases } from './dated-purchases';
import { loadInsightsData, type InsightsData } from './load';
import type { HeadlineFigure, InsightsTable, InsightsView } from './page-model';
import { localDateFunction, sameRangeLastYear, type DateRange } from './range';
import {
  mainCurrency,
  REPEAT_SHARE_TARGET,
  repeatShareOfClients,
  repeatShareOfRevenue,
  revenueByMonth,
  revenueSummary,
  type PurchaseFact,
} from './revenue';
import { touchBreakdown, type TouchCounts } from './touch-counts';

/** A table the page shows, plus the same rows unformatted for the CSV file. */
export interface ExportableTable extends InsightsTable {
  raw: { columns: string[]; rows: Array<Array<string | number | null>> };
}

interface Context {
  t: Translate;
  locale: string;
  timeZone: string;
  now: () => Date;
}

/**
 * Turns the database into the Insights page's view for a range: reads, counts, then formats in
 * the manager's language. The figures themselves are the pure functions in this folder.
 */
export function createInsightsSource(options: Context & { db: TouchbookDb }) {
  let lastTables: ExportableTable[] = [];
  return {
    async load(range: DateRange): Promise<ExportableView> {
      const view = buildInsightsView(await loadInsightsData(options.db, range), range, options);
      lastTables = view.tables;
      return view;
    },
    /** The rows of a table as last shown, for its CSV export. */
    tableRows: (id: string) => lastTables.find((table) => table.id === id)?.raw ?? null,
  };
}

export type ExportableView = Omit<InsightsView, 'tables'> & { tables: ExportableTable[] };

export function buildInsightsView(data: InsightsData, range: DateRange, { t, locale, timeZone, now }: Context): ExportableView {
  const localDateOf = localDateFunction(timeZone);
  const history = datedPurchases(data.purchases, timeZone);
  const lastYear = sameRangeLastYear(range);
  const current = revenueSummary(history, range);
  const previous = revenueSummary(history, lastYear);
  const currency = mainCurrency(current) ?? mainCurrency(previous);
  const touches = touchBreakdown(data.touches, range, { now: now().getTime(), localDateOf });
  const touchesLastYear = touchBreakdown(data.touches, lastYear, { now: now().getTime(), localDateOf });
  const percent = valueFormatter(locale, { kind: 'percent' });
  const count = valueFormatter(locale, { kind: 'count' });
  const money = (code: string) => valueFormatter(locale, { kind: 'money', currency: code });

  if (history.length === 0 && data.touches.length === 0) return { headlines: [], charts: [], tables: [] };

  const headlines: HeadlineFigure[] = [];
  const otherCurrencies = Object.keys(current.byCurrency).filter((code) => code !== currency).sort();
  headlines.push({
    id: 'revenue',
    label: t('insightsRevenue'),
    value: currency ? money(currency)(current.byCurrency[currency]?.total ?? 0) : count(current.purchases),
    comparison: t('insightsLastYear', { value: currency ? money(currency)(previous.byCurrency[currency]?.total ?? 0) : count(previous.purchases) }),
    ...(otherCurrencies.length
      ? { note: otherCurrencies.map((code) => money(code)(current.byCurrency[code]?.total ?? 0)).join(' · ') }
      : {}),
  });
  const share = currency ? repeatShareOfRevenue(current.byCurrency[currency]) : null;
  headlines.push({
    id: 'repeat-share',
    label: t('insightsRepeatShare'),
    value: percent(share),
    comparison: t('insightsLastYear', { value: percent(currency ? repeatShareOfRevenue(previous.byCurrency[currency]) : null) }),
    note: share === null ? undefined : t(share < REPEAT_SHARE_TARGET.from ? 'insightsBelowTarget' : share > REPEAT_SHARE_TARGET.to ? 'insightsAboveTarget' : 'insightsInTarget', { ...REPEAT_SHARE_TARGET }),
  });
  headlines.push({
    id: 'repeat-clients',
    label: t('insightsRepeatClients'),
    value: percent(repeatShareOfClients(current)),
    comparison: t('insightsOfBuyers', { repeat: current.repeatClients, buyers: current.clients }),
  });
  const planned = sizeOf(touches.total);
  headlines.push({
    id: 'touches-done',
    label: t('insightsTouchesDone'),
    value: count(touches.total.done),
    comparison: t('insightsOfPlanned', { planned }),
    note: t('insightsOverdueCount', { count: touches.total.overdue }),
  });

  const months = revenueByMonth(history, range);
  const monthsLastYear = revenueByMonth(history, lastYear);
  const charts: ChartData[] = [];
  if (currency) {
    const series = (values: Array<number | null>, id: string, label: string, comparison: boolean): ChartSeries => ({ id, label, values, kind: 'percent', comparison });
    charts.push({
      id: 'repeat-share',
      title: t('insightsChartRepeatShare', { currency }),
      x: months.map((month) => `${month.month}-01`),
      period: 'month',
      band: { ...REPEAT_SHARE_TARGET, label: t('insightsTarget', { ...REPEAT_SHARE_TARGET }) },
      series: [
        series(months.map((month) => repeatShareOfRevenue(month.byCurrency[currency])), 'this', t('insightsSeriesThisPeriod'), false),
        series(monthsLastYear.map((month) => repeatShareOfRevenue(month.byCurrency[currency])), 'last', t('insightsSeriesLastYear'), true),
      ],
    });
  }
  // One revenue chart per currency: amounts in different money never share an axis.
  for (const code of [currency, ...otherCurrencies].filter((value): value is string => value !== null)) {
    const values = (list: typeof months) => list.map((month) => month.byCurrency[code]?.total ?? 0);
    charts.push({
      id: `revenue-${code}`,
      title: t('insightsChartRevenue', { currency: code }),
      x: months.map((month) => `${month.month}-01`),
      period: 'month',
      series: [
        { id: 'this', label: t('insightsSeriesThisPeriod'), values: values(months), kind: 'money', currency: code },
        { id: 'last', label: t('insightsSeriesLastYear'), values: values(monthsLastYear), kind: 'money', currency: code, comparison: true },
      ],
    });
  }
  charts.push({
    id: 'touches',
    title: t('insightsChartTouches'),
    x: touches.byWeek.map((week) => week.week),
    period: 'week',
    series: (
      [
        ['done', 'insightsColDone'],
        ['overdue', 'insightsColOverdue'],
        ['skipped', 'insightsColSkipped'],
        ['open', 'insightsColOpen'],
      ] as const
    ).map(([key, label]) => ({ id: key, label: t(label), values: touches.byWeek.map((week) => week[key]), kind: 'count' as const })),
  });

  const tables: ExportableTable[] = [
    revenueTable(current, previous, { t, money, percent }),
    programmeTable(touches.byProgramme, t, count),
    outcomeTable(touches.total, touchesLastYear.total, t, count),
  ];
  return { headlines, charts, tables };
}

function revenueTable(
  current: ReturnType<typeof revenueSummary>,
  previous: ReturnType<typeof revenueSummary>,
  { t, money, percent }: { t: Translate; money: (code: string) => (value: number | null) => string; percent: (value: number | null) => string },
): ExportableTable {
  const codes = [...new Set([...Object.keys(current.byCurrency), ...Object.keys(previous.byCurrency)])].sort();
  const columns = [t('insightsColCurrency'), t('insightsColRevenue'), t('insightsColRepeatRevenue'), t('insightsColShare'), t('insightsColLastYear')];
  const rows = codes.map((code) => {
    const now = current.byCurrency[code];
    return { code, total: now?.total ?? 0, repeat: now?.repeat ?? 0, share: repeatShareOfRevenue(now), before: previous.byCurrency[code]?.total ?? 0 };
  });
  return {
    id: 'revenue-by-currency',
    title: t('insightsTableRevenue'),
    table: {
      columns,
      rows: rows.map((row) => [row.code, money(row.code)(row.total), money(row.code)(row.repeat), percent(row.share), money(row.code)(row.before)]),
    },
    raw: { columns, rows: rows.map((row) => [row.code, row.total, row.repeat, row.share === null ? null : round(row.share), row.before]) },
  };
}

function programmeTable(byProgramme: Array<{ programme: string } & TouchCounts>, t: Translate, count: (value: number | null) => string): ExportableTable {
  const keys = ['done', 'open', 'overdue', 'skipped', 'missed'] as const;
  const columns = [t('insightsColProgramme'), t('insightsColDone'), t('insightsColOpen'), t('insightsColOverdue'), t('insightsColSkipped'), t('insightsColMissed')];
  const name = (programme: string) => programme || t('insightsNoProgramme');
  return {
    id: 'touches-by-programme',
    title: t('insightsTableProgrammes'),
    table: { columns, rows: byProgramme.map((row) => [name(row.programme), ...keys.map((key) => count(row[key]))]) },
    raw: { columns, rows: byProgramme.map((row) => [name(row.programme), ...keys.map((key) => row[key])]) },
  };
}

function outcomeTable(current: TouchCounts, previous: TouchCounts, t: Translate, count: (value: number | null) => string): ExportableTable {
  const outcomes = Object.keys(OUTCOME_LABELS) as TouchOutcome[];
  const columns = [t('insightsColOutcome'), t('insightsColCount'), t('insightsColLastYear')];
  const rows = outcomes.map((outcome) => [t(OUTCOME_LABELS[outcome]), current.outcomes[outcome] ?? 0, previous.outcomes[outcome] ?? 0] as const);
  return {
    id: 'outcomes',
    title: t('insightsTableOutcomes'),
    table: { columns, rows: rows.map(([label, now, before]) => [label, count(now), count(before)]) },
    raw: { columns, rows: rows.map((row) => [...row]) },
  };
}

const sizeOf = (counts: TouchCounts) => counts.done + counts.open + counts.overdue + counts.skipped + counts.missed;
const round = (value: number) => Math.round(value * 10) / 10;

export type { PurchaseFact, TableView };
