import type { SalesBook } from '../book/schema';
import type { TouchbookDb } from '../db/database';
import type { SettingsRecord, TouchOutcome } from '../db/schema';
import { OUTCOME_LABELS } from '../export/outcome-labels';
import type { Translate } from '../i18n';
import { valueFormatter, type ChartData, type ChartSeries, type TableView } from './chart-data';
import { coldCalls, type ColdCallFigures } from './cold-calls';
import { buyingDaysByClient, datedPurchases, monthOf, shiftMonth, todayIn, type DatedPurchase } from './dated-purchases';
import { loadInsightsData, type InsightsData } from './load';
import { loadClientsById, loadFigureExtras, type FigureExtras } from './load-figures';
import {
  coldCallsFromDays,
  monthPlansFromDays,
  purchasesOfBuyers,
  revenueByMonthFromDays,
  summaryFromDays,
  touchesFromDays,
  type DailyAggregate,
} from './daily';
import { dailyAggregates, readBuyers } from '../db/insights-aggregates';
import { markInsights } from './marks';
import { crossSellByRule } from './offers';
import { monthPlans, planGrowthPercent, type MonthPlan } from './plan';
import { questionnaireCompletion } from './questionnaire-completion';
import type { HeadlineFigure, InsightsTable, InsightsView } from './page-model';
import { localDateFunction, sameRangeLastYear, type DateRange } from './range';
import {
  mainCurrency,
  REPEAT_SHARE_TARGET,
  repeatShareOfClients,
  repeatShareOfRevenue,
  revenueByMonth,
  revenueSummary,
  type MonthRevenue,
  type PurchaseFact,
  type RevenueSummary,
} from './revenue';
import { abcSegments, churnRisk, type AbcSegments, type ChurnRiskSummary } from './segments';
import { topClients, type TopClientsList } from './top-clients';
import { touchBreakdown, type TouchBreakdown, type TouchCounts } from './touch-counts';
import { unansweredObjections } from './unanswered-objections';
import {
  CHURN_LIST_LIMIT,
  coldCallChart,
  coldCallHeadline,
  coldCallTables,
  crossSellTable,
  objectionsTable,
  planHeadline,
  planTable,
  questionnaireTable,
  segmentTables,
  topClientsHeadline,
  topClientsTables,
  type ExportableTable as SectionTable,
} from './view-sections';

/** A table the page shows, plus the same rows unformatted for the CSV file. */
export type ExportableTable = InsightsTable & SectionTable;

interface Context {
  t: Translate;
  locale: string;
  timeZone: string;
  now: () => Date;
}

/** What the book and the settings add: rule and questionnaire titles, the plan percentages. */
export interface InsightsSetup {
  book?: Pick<SalesBook, 'crossSell' | 'questionnaires'> | null;
  settings?: Pick<SettingsRecord, 'planGrowthPercent' | 'coldCallsPerDay' | 'workingDays'> | null;
}

/** Everything the page's figures read: purchases and touches (load.ts), the rest (load-figures.ts). */
export interface InsightsInput extends InsightsData, InsightsSetup {
  extras?: FigureExtras;
  /** Display names of the clients the lists show; a missing one reads "Unknown client". */
  clientNames?: ReadonlyMap<string, string>;
}

/** The per-client figures (lists of clients), computed once: their names are read after. */
export interface ClientFigures {
  top: TopClientsList[];
  abc: AbcSegments[];
  churn: ChurnRiskSummary;
}

export function clientFigures(history: readonly DatedPurchase[], range: DateRange, { timeZone, now }: Pick<Context, 'timeZone' | 'now'>): ClientFigures {
  const at = now().getTime();
  const buyingDays = buyingDaysByClient(history, todayIn(at, timeZone)); // read by both lists
  return {
    top: topClients({ purchases: history, range, now: at, timeZone, buyingDays }),
    abc: abcSegments({ purchases: history, range }),
    churn: churnRisk({ purchases: history, now: at, timeZone, buyingDays }),
  };
}

/** The clients whose names the page shows: every TOP-50 and dropped entry, the riskiest churners. */
export function shownClientIds(figures: ClientFigures): string[] {
  const ids = new Set<string>();
  for (const list of figures.top) for (const id of [...list.clients.map((client) => client.clientId), ...list.dropped]) ids.add(id);
  for (const client of figures.churn.clients.filter((entry) => entry.risk !== 'low').slice(0, CHURN_LIST_LIMIT)) ids.add(client.clientId);
  return [...ids];
}

/**
 * Turns the database into the Insights page's view for a range: reads, counts, then formats in
 * the manager's language. The figures themselves are the pure functions in this folder.
 */
export function createInsightsSource(
  options: Context & {
    db: TouchbookDb;
    setup?: () => Promise<InsightsSetup>;
    /** The book, read apart: only the second part of the page needs it (rule and questionnaire titles). */
    book?: () => Promise<InsightsSetup['book']>;
    /** Asks the worker to bring the daily aggregates up to date; without it, raw rows are read. */
    refresh?: () => Promise<{ zone: string }>;
  },
) {
  let last: ExportableView = { headlines: [], charts: [], tables: [] };
  const { db, timeZone } = options;

  /** Raw rows: what every figure was counted from before the aggregates, and the fallback. */
  async function fromRows(range: DateRange, setup: InsightsSetup): Promise<ExportableView> {
    const [data, extras] = await Promise.all([loadInsightsData(db, range), loadFigureExtras(db, range)]);
    const figures = clientFigures(datedPurchases(data.purchases, timeZone), range, options);
    const clientNames = await namesOf(figures);
    return buildInsightsView({ ...data, ...setup, extras, clientNames }, range, options, figures);
  }

  async function namesOf(figures: ClientFigures): Promise<Map<string, string>> {
    const clients = await loadClientsById(db, shownClientIds(figures));
    return new Map([...clients].map(([id, client]) => [id, client.name]));
  }

  return {
    /**
     * The view for `range`. From the daily aggregates, the first screen (revenue, repeat share,
     * touches, plan, cold calls) is handed to `onFirst` before the per-client lists are counted.
     */
    async load(range: DateRange, onFirst?: (view: ExportableView) => void): Promise<ExportableView> {
      const book = options.book?.() ?? Promise.resolve(undefined);
      const noSetup: InsightsSetup = {};
      const [refreshed, settingsOnly] = await Promise.all([options.refresh?.().catch(() => null) ?? null, options.setup?.() ?? noSetup]);
      const withBook = async (): Promise<InsightsSetup> => ({ ...settingsOnly, book: settingsOnly.book ?? (await book) });
      // Aggregates cut in another zone than the page's would put purchases on the wrong days.
      if (refreshed?.zone !== timeZone) return (last = await fromRows(range, await withBook()));
      const setup = settingsOnly;
      const needed = daysNeeded(range, options.now().getTime(), timeZone);
      const [days, overdueToday] = await Promise.all([dailyAggregates(db, needed.from, needed.to), overdueTouchesToday(db, options.now().getTime(), timeZone)]);
      markInsights('first-read');
      const base = baseFromDays(days, range, { timeZone, now: options.now, settings: setup.settings, overdueToday });
      const first = days.length ? formatBase(base, options) : { headlines: [], charts: [], tables: [] };
      last = first;
      markInsights('first-view');
      onFirst?.(first);

      const [buyers, extras, fullSetup] = await Promise.all([readBuyers(db), loadFigureExtras(db, range, { doneTouches: false }), withBook()]);
      const perClient = clientFigures(purchasesOfBuyers(buyers), range, options);
      const clientNames = await namesOf(perClient);
      const empty = !days.length && !extras.offers.length && !extras.answers.length && !extras.objections.length;
      last = empty ? first : withClientSections(days.length ? first : formatBase(base, options), { perClient, currency: leadingCurrency(base) }, { ...fullSetup, extras, clientNames }, range, options);
      markInsights('every-figure');
      return last;
    },
    /** The rows of a table (or of a chart's table view) as last shown, for its CSV export. */
    tableRows: (id: string) => {
      const table = last.tables.find((entry) => entry.id === id);
      if (table) return table.raw;
      const chart = last.charts.find((entry) => entry.id === id);
      return chart ? chartRaw(chart, options.t) : null;
    },
  };
}

/**
 * Per programme, today's planned, due or snoozed touches whose time has passed: the one part of
 * the touch counts the days cannot hold, since it moves with the clock. A few rows, by index.
 */
export async function overdueTouchesToday(db: TouchbookDb, now: number, timeZone: string): Promise<Map<string, number>> {
  const localDateOf = localDateFunction(timeZone);
  const today = localDateOf(now);
  const rows = await Promise.all(
    (['planned', 'due', 'snoozed'] as const).map((state) => db.touches.where('[state+dueAt]').between([state, now - 2 * DAY_MS], [state, now], true, false).toArray()),
  );
  const counts = new Map<string, number>();
  for (const touch of rows.flat()) {
    if (localDateOf(touch.dueAt) !== today) continue;
    counts.set(touch.programmeName || '', (counts.get(touch.programmeName || '') ?? 0) + 1);
  }
  return counts;
}

const DAY_MS = 86_400_000;

/** A chart's numbers for a CSV file: the period start, then one column per series. */
export function chartRaw(chart: ChartData, t: Translate): ExportableTable['raw'] {
  return {
    columns: [t('insightsPeriod'), ...chart.series.map((series) => series.label)],
    rows: chart.x.map((x, index) => [x, ...chart.series.map((series) => series.values[index] ?? null)]),
  };
}

export type ExportableView = Omit<InsightsView, 'tables'> & { tables: ExportableTable[] };

/**
 * The figures the first screen needs, from raw rows or from the daily aggregates (daily.ts): the
 * same numbers either way (test/unit/insights/daily.test.ts).
 */
export interface BaseFigures {
  current: RevenueSummary;
  previous: RevenueSummary;
  months: MonthRevenue[];
  monthsLastYear: MonthRevenue[];
  touches: TouchBreakdown;
  touchesLastYear: TouchBreakdown;
  plans: MonthPlan[];
  growth: number;
  calls: ColdCallFigures;
}

function coldCallPlan(settings: InsightsSetup['settings']) {
  return { perDayPlan: settings?.coldCallsPerDay ?? null, ...(settings?.workingDays ? { workingDays: settings.workingDays } : {}) };
}

export function baseFromRaw(data: InsightsInput, history: readonly DatedPurchase[], range: DateRange, { timeZone, now }: Pick<Context, 'timeZone' | 'now'>): BaseFigures {
  const localDateOf = localDateFunction(timeZone);
  const lastYear = sameRangeLastYear(range);
  const at = now().getTime();
  const growth = planGrowthPercent(data.settings);
  return {
    current: revenueSummary(history, range),
    previous: revenueSummary(history, lastYear),
    months: revenueByMonth(history, range),
    monthsLastYear: revenueByMonth(history, lastYear),
    touches: touchBreakdown(data.touches, range, { now: at, localDateOf }),
    touchesLastYear: touchBreakdown(data.touches, lastYear, { now: at, localDateOf }),
    plans: monthPlans({ purchases: history, now: at, timeZone, growthPercent: growth }),
    growth,
    calls: coldCalls({ touches: data.extras?.doneTouches ?? [], purchases: history, range, timeZone, ...coldCallPlan(data.settings) }),
  };
}

/** The days read must span the range, the same range last year, and last month up to today. */
export function daysNeeded(range: DateRange, now: number, timeZone: string): DateRange {
  const today = todayIn(now, timeZone);
  const lastYear = sameRangeLastYear(range);
  const lastMonth = `${shiftMonth(monthOf(today), -1)}-01`;
  return { from: [lastYear.from, lastMonth].sort()[0]!, to: [range.to, today].sort()[1]! };
}

export function baseFromDays(
  days: readonly DailyAggregate[],
  range: DateRange,
  { timeZone, now, settings, overdueToday }: Pick<Context, 'timeZone' | 'now'> & InsightsSetup & { overdueToday: ReadonlyMap<string, number> },
): BaseFigures {
  const lastYear = sameRangeLastYear(range);
  const at = now().getTime();
  const today = todayIn(at, timeZone);
  const growth = planGrowthPercent(settings);
  return {
    current: summaryFromDays(days, range),
    previous: summaryFromDays(days, lastYear),
    months: revenueByMonthFromDays(days, range),
    monthsLastYear: revenueByMonthFromDays(days, lastYear),
    touches: touchesFromDays(days, range, { today, overdueToday }),
    touchesLastYear: touchesFromDays(days, lastYear, { today, overdueToday }),
    plans: monthPlansFromDays(days, { now: at, timeZone, growthPercent: growth }),
    growth,
    calls: coldCallsFromDays(days, range, coldCallPlan(settings)),
  };
}

/** The whole view from raw rows (the fallback, and what tests build from known rows). */
export function buildInsightsView(data: InsightsInput, range: DateRange, context: Context, precomputed?: ClientFigures): ExportableView {
  const history = datedPurchases(data.purchases, context.timeZone);
  const extras = data.extras;
  const nothingElse = !extras || (extras.offers.length === 0 && extras.answers.length === 0 && extras.objections.length === 0 && extras.doneTouches.length === 0);
  if (history.length === 0 && data.touches.length === 0 && nothingElse) return { headlines: [], charts: [], tables: [] };
  const base = baseFromRaw(data, history, range, context);
  const perClient = precomputed ?? clientFigures(history, range, context);
  return withClientSections(formatBase(base, context), { perClient, currency: leadingCurrency(base) }, data, range, context);
}

/** The currency the headlines lead with: the one that brought most in the period (or last year). */
export const leadingCurrency = (base: Pick<BaseFigures, 'current' | 'previous'>) => mainCurrency(base.current) ?? mainCurrency(base.previous);

/** The revenue, repeat share, touches, plan and cold-call sections: the first screen. */
export function formatBase(base: BaseFigures, { t, locale }: Context): ExportableView {
  const { current, previous, months, monthsLastYear, touches, touchesLastYear, plans, growth, calls } = base;
  const currency = leadingCurrency(base);
  const percent = valueFormatter(locale, { kind: 'percent' });
  const count = valueFormatter(locale, { kind: 'count' });
  const money = (code: string) => valueFormatter(locale, { kind: 'money', currency: code });
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

  const plan = planHeadline(plans.find((entry) => entry.currency === currency) ?? plans[0], growth, { t, locale });
  if (plan) headlines.push(plan);
  tables.push(planTable(plans, growth, { t, locale }));
  headlines.push(coldCallHeadline(calls, { t, locale }));
  charts.push(coldCallChart(calls, { t }));
  tables.push(...coldCallTables(calls, { t, locale }));
  return { headlines, charts, tables };
}

/** Adds the lists of clients (TOP-50, segments, churn) and the book's parts to a first screen. */
export function withClientSections(
  view: ExportableView,
  { perClient, currency }: { perClient: ClientFigures; currency: string | null },
  data: Omit<InsightsInput, 'purchases' | 'touches'>,
  range: DateRange,
  { t, locale, timeZone }: Context,
): ExportableView {
  const extras = data.extras;
  const format = { t, locale, name: (clientId: string) => data.clientNames?.get(clientId) || t('insightsUnknownClient') };
  // The headline list follows the currency that leads the revenue headline.
  const silent = topClientsHeadline(perClient.top.find((list) => list.currency === currency) ?? perClient.top[0], { t, locale });
  const headlines = [...view.headlines];
  if (silent) headlines.splice(Math.max(0, headlines.findIndex((figure) => figure.id === 'cold-calls')), 0, silent);
  return {
    headlines,
    charts: view.charts,
    tables: [
      ...view.tables,
      ...topClientsTables(perClient.top, format),
      ...segmentTables(perClient.abc, perClient.churn, format),
      crossSellTable(crossSellByRule({ offers: extras?.offers ?? [], range, timeZone, book: data.book }), { t, locale }),
      questionnaireTable(data.book ? questionnaireCompletion({ answers: extras?.answers ?? [], range, timeZone, book: data.book }) : [], { t, locale }),
      objectionsTable(unansweredObjections({ objections: extras?.objections ?? [], range, timeZone }), { t, locale, timeZone }),
    ],
  };
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
