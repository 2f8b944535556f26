/**
 * The shape every Insights chart is drawn from, and the same numbers as a table: a canvas says
 * nothing to a screen reader, so each chart carries its table view, and the CSV export reads the
 * table, not the picture.
 */

export type ValueKind = 'percent' | 'count' | 'money';

export interface ChartSeries {
  id: string;
  label: string;
  /** One value per x point; null where there is nothing to show (a month without sales). */
  values: readonly (number | null)[];
  kind: ValueKind;
  /** ISO 4217 code for money series: one currency per series, never summed across. */
  currency?: string;
  /** Drawn dashed: the comparison series (the same period last year, the plan). */
  comparison?: boolean;
}

export interface ChartData {
  id: string;
  title: string;
  /** Period starts as ISO dates (YYYY-MM-DD), in order. */
  x: readonly string[];
  /** How an x point reads in the table and on the axis. */
  period: 'day' | 'week' | 'month';
  series: readonly ChartSeries[];
  /** A target band to draw behind the lines, in the series' own unit (e.g. 30-50%). */
  band?: { from: number; to: number; label: string };
}

export interface TableView {
  columns: string[];
  rows: string[][];
}

export function periodFormatter(locale: string, period: ChartData['period']): (isoDate: string) => string {
  const format = new Intl.DateTimeFormat(
    locale,
    period === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  );
  return (isoDate) => format.format(isoDateToUtcMs(isoDate));
}

export function valueFormatter(locale: string, series: Pick<ChartSeries, 'kind' | 'currency'>): (value: number | null) => string {
  const format =
    series.kind === 'percent'
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
      : series.kind === 'money' && series.currency
        ? new Intl.NumberFormat(locale, { style: 'currency', currency: series.currency, maximumFractionDigits: 0 })
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // Percent series hold 0-100, Intl's percent style expects 0-1.
  const scale = series.kind === 'percent' ? 0.01 : 1;
  return (value) => (value === null || !Number.isFinite(value) ? '—' : format.format(value * scale));
}

/** The chart as a table: one row per period, one column per series, formatted for `locale`. */
export function chartAsTable(chart: ChartData, locale: string, periodColumn: string): TableView {
  const period = periodFormatter(locale, chart.period);
  const formats = chart.series.map((series) => valueFormatter(locale, series));
  return {
    columns: [periodColumn, ...chart.series.map((series) => series.label)],
    rows: chart.x.map((x, index) => [period(x), ...chart.series.map((series, column) => formats[column]!(series.values[index] ?? null))]),
  };
}

export function isoDateToUtcMs(isoDate: string): number {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}
