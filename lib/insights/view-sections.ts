import type { Translate } from '../i18n';
import { periodFormatter, valueFormatter, type ChartData } from './chart-data';
import type { ColdCallFigures } from './cold-calls';
import type { CrossSellRuleFigures } from './offers';
import type { HeadlineFigure } from './page-model';
import type { MonthPlan } from './plan';
import type { QuestionnaireFigures } from './questionnaire-completion';
import type { AbcGroup, AbcSegments, ChurnRisk, ChurnRiskSummary } from './segments';
import type { TopClientsList } from './top-clients';
import type { UnansweredObjections } from './unanswered-objections';

/**
 * The Insights sections beyond revenue and touches, formatted in the manager's language: each a
 * table whose shown cells are Intl-formatted text and whose `raw` rows keep the plain numbers for
 * the CSV file. Client names and phrases are data, not markup: the page renders them as text.
 */

type Cell = string | number | null;

export interface ExportableTable {
  id: string;
  title: string;
  table: { columns: string[]; rows: string[][] };
  raw: { columns: string[]; rows: Cell[][] };
}

export interface SectionFormat {
  t: Translate;
  locale: string;
  /** A client's display name (their id's record may be gone: the caller falls back). */
  name: (clientId: string) => string;
}

/** How many of the riskiest clients the churn list shows; the counts cover every client. */
export const CHURN_LIST_LIMIT = 20;

function formats(locale: string) {
  const count = valueFormatter(locale, { kind: 'count' });
  const percent = valueFormatter(locale, { kind: 'percent' });
  const moneyFormats = new Map<string, (value: number | null) => string>();
  const money = (code: string) => {
    let format = moneyFormats.get(code);
    if (!format) moneyFormats.set(code, (format = valueFormatter(locale, { kind: 'money', currency: code })));
    return format;
  };
  const dayFormat = periodFormatter(locale, 'day');
  const monthFormat = periodFormatter(locale, 'month');
  return {
    count,
    percent,
    money,
    day: (isoDay: string | null) => (isoDay ? dayFormat(isoDay) : '—'),
    month: (month: string) => monthFormat(`${month}-01`),
  };
}

/** A 0..1 ratio as a percent with one decimal, for CSV files (null stays empty). */
const ratioPercent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1_000) / 10);

/** Builds a table from typed rows: one list of column definitions for both the shown and raw form. */
function table<Row>(
  id: string,
  title: string,
  rows: readonly Row[],
  columns: ReadonlyArray<{ header: string; raw: (row: Row) => Cell; shown?: (row: Row) => string }>,
): ExportableTable {
  const headers = columns.map((column) => column.header);
  return {
    id,
    title,
    table: { columns: headers, rows: rows.map((row) => columns.map((column) => (column.shown ? column.shown(row) : String(column.raw(row) ?? '—')))) },
    raw: { columns: headers, rows: rows.map((row) => columns.map((column) => column.raw(row))) },
  };
}

// ---- TOP-50 ------------------------------------------------------------------------------------

export function topClientsTables(lists: readonly TopClientsList[], { t, locale, name }: SectionFormat): ExportableTable[] {
  const f = formats(locale);
  const status = (client: TopClientsList['clients'][number]) =>
    [client.previousRank === null ? t('insightsStatusEntered') : '', client.overdue ? t('insightsStatusSilent') : ''].filter(Boolean).join(' · ');
  const tables = lists.map((list) =>
    table(`top-clients-${list.currency}`, t('insightsTableTopClients', { currency: list.currency, count: list.clients.length }), list.clients, [
      { header: t('insightsColRank'), raw: (client) => client.rank },
      { header: t('insightsColClient'), raw: (client) => name(client.clientId) },
      { header: t('insightsColRevenue'), raw: (client) => client.revenue, shown: (client) => f.money(list.currency)(client.revenue) },
      { header: t('insightsColPurchases'), raw: (client) => client.purchases, shown: (client) => f.count(client.purchases) },
      { header: t('insightsColPreviousRank'), raw: (client) => client.previousRank },
      { header: t('insightsColLastPurchase'), raw: (client) => client.lastPurchase, shown: (client) => f.day(client.lastPurchase) },
      { header: t('insightsColUsualInterval'), raw: (client) => client.usualIntervalDays, shown: (client) => f.count(client.usualIntervalDays) },
      { header: t('insightsColSilentDays'), raw: (client) => client.silentDays, shown: (client) => f.count(client.silentDays) },
      { header: t('insightsColStatus'), raw: status },
    ]),
  );
  const dropped = lists.flatMap((list) => list.dropped.map((clientId) => ({ currency: list.currency, clientId })));
  tables.push(
    table('top-clients-dropped', t('insightsTableTopDropped'), dropped, [
      { header: t('insightsColCurrency'), raw: (row) => row.currency },
      { header: t('insightsColClient'), raw: (row) => name(row.clientId) },
    ]),
  );
  return tables;
}

/** "Silent past their usual interval: 3 of the TOP-50" for the main currency's list. */
export function topClientsHeadline(list: TopClientsList | undefined, { t, locale }: Pick<SectionFormat, 't' | 'locale'>): HeadlineFigure | null {
  if (!list) return null;
  const f = formats(locale);
  return {
    id: 'top-silent',
    label: t('insightsTopSilent', { currency: list.currency }),
    value: f.count(list.clients.filter((client) => client.overdue).length),
    comparison: t('insightsTopMovement', { entered: list.entered.length, dropped: list.dropped.length }),
  };
}

// ---- the month plan ----------------------------------------------------------------------------

export function planTable(plans: readonly MonthPlan[], growthPercent: number, { t, locale }: Pick<SectionFormat, 't' | 'locale'>): ExportableTable {
  const f = formats(locale);
  return table('plan', t('insightsTablePlan', { percent: growthPercent }), plans, [
    { header: t('insightsColCurrency'), raw: (plan) => plan.currency },
    { header: t('insightsColMonth'), raw: (plan) => plan.month, shown: (plan) => f.month(plan.month) },
    { header: t('insightsColPlanBasis'), raw: (plan) => plan.basis, shown: (plan) => f.money(plan.currency)(plan.basis) },
    { header: t('insightsColPlan'), raw: (plan) => plan.plan, shown: (plan) => f.money(plan.currency)(plan.plan) },
    { header: t('insightsColSoFar'), raw: (plan) => plan.actual, shown: (plan) => f.money(plan.currency)(plan.actual) },
    { header: t('insightsColProgress'), raw: (plan) => ratioPercent(plan.progress), shown: (plan) => f.percent(plan.progress === null ? null : plan.progress * 100) },
    { header: t('insightsColMonthElapsed'), raw: (plan) => ratioPercent(plan.monthElapsed), shown: (plan) => f.percent(plan.monthElapsed * 100) },
    { header: t('insightsColNextMonth'), raw: (plan) => plan.nextMonth, shown: (plan) => f.month(plan.nextMonth) },
    { header: t('insightsColNextPlan'), raw: (plan) => plan.nextPlan, shown: (plan) => f.money(plan.currency)(plan.nextPlan) },
  ]);
}

/** This month's progress against the plan, in the main currency. */
export function planHeadline(plan: MonthPlan | undefined, growthPercent: number, { t, locale }: Pick<SectionFormat, 't' | 'locale'>): HeadlineFigure | null {
  if (!plan) return null;
  const f = formats(locale);
  const money = f.money(plan.currency);
  return {
    id: 'plan-progress',
    label: t('insightsPlanProgress', { month: f.month(plan.month) }),
    value: f.percent(plan.progress === null ? null : plan.progress * 100),
    comparison: t('insightsPlanOf', { actual: money(plan.actual), plan: money(plan.plan) }),
    note: t('insightsNextPlan', { month: f.month(plan.nextMonth), plan: money(plan.nextPlan), percent: growthPercent }),
  };
}

// ---- segments and churn ------------------------------------------------------------------------

const GROUPS: readonly AbcGroup[] = ['A', 'B', 'C'];
const RISKS: readonly ChurnRisk[] = ['lost', 'high', 'medium', 'low'];
const RISK_LABELS = { low: 'insightsRiskLow', medium: 'insightsRiskMedium', high: 'insightsRiskHigh', lost: 'insightsRiskLost' } as const;

export function segmentTables(segments: readonly AbcSegments[], churn: ChurnRiskSummary, { t, locale, name }: SectionFormat): ExportableTable[] {
  const f = formats(locale);
  const abcRows = segments.flatMap((segment) => {
    const total = GROUPS.reduce((sum, group) => sum + segment.revenue[group], 0);
    return GROUPS.map((group) => ({ currency: segment.currency, group, clients: segment.counts[group], revenue: segment.revenue[group], share: total > 0 ? segment.revenue[group] / total : null }));
  });
  const risky = churn.clients.filter((client) => client.risk !== 'low').slice(0, CHURN_LIST_LIMIT);
  return [
    table('segments-abc', t('insightsTableSegments'), abcRows, [
      { header: t('insightsColCurrency'), raw: (row) => row.currency },
      { header: t('insightsColGroup'), raw: (row) => row.group },
      { header: t('insightsColClients'), raw: (row) => row.clients, shown: (row) => f.count(row.clients) },
      { header: t('insightsColRevenue'), raw: (row) => row.revenue, shown: (row) => f.money(row.currency)(row.revenue) },
      { header: t('insightsColShareOfRevenue'), raw: (row) => ratioPercent(row.share), shown: (row) => f.percent(row.share === null ? null : row.share * 100) },
    ]),
    table(
      'churn-risk',
      t('insightsTableChurn'),
      RISKS.map((risk) => ({ risk, clients: churn.counts[risk] })),
      [
        { header: t('insightsColRisk'), raw: (row) => t(RISK_LABELS[row.risk]) },
        { header: t('insightsColClients'), raw: (row) => row.clients, shown: (row) => f.count(row.clients) },
      ],
    ),
    table('churn-clients', t('insightsTableChurnClients', { count: risky.length }), risky, [
      { header: t('insightsColClient'), raw: (row) => name(row.clientId) },
      { header: t('insightsColRisk'), raw: (row) => t(RISK_LABELS[row.risk]) },
      { header: t('insightsColLastPurchase'), raw: (row) => row.lastPurchase, shown: (row) => f.day(row.lastPurchase) },
      { header: t('insightsColSilentDays'), raw: (row) => row.silentDays, shown: (row) => f.count(row.silentDays) },
      { header: t('insightsColUsualInterval'), raw: (row) => row.intervalDays, shown: (row) => f.count(row.intervalDays) },
      { header: t('insightsColIntervalOf'), raw: (row) => t(row.teamInterval ? 'insightsIntervalTeam' : 'insightsIntervalOwn') },
    ]),
  ];
}

// ---- cross-sell, questionnaires, objections -----------------------------------------------------

export function crossSellTable(rules: readonly CrossSellRuleFigures[], { t, locale }: Pick<SectionFormat, 't' | 'locale'>): ExportableTable {
  const f = formats(locale);
  return table('cross-sell', t('insightsTableCrossSell'), rules, [
    { header: t('insightsColRule'), raw: (rule) => rule.title ?? rule.ruleId },
    { header: t('insightsColOffered'), raw: (rule) => rule.offered, shown: (rule) => f.count(rule.offered) },
    { header: t('insightsColAccepted'), raw: (rule) => rule.accepted, shown: (rule) => f.count(rule.accepted) },
    { header: t('insightsColDeclined'), raw: (rule) => rule.declined, shown: (rule) => f.count(rule.declined) },
    { header: t('insightsColWaiting'), raw: (rule) => rule.open, shown: (rule) => f.count(rule.open) },
    { header: t('insightsColAcceptance'), raw: (rule) => ratioPercent(rule.acceptance), shown: (rule) => f.percent(rule.acceptance === null ? null : rule.acceptance * 100) },
  ]);
}

export function questionnaireTable(figures: readonly QuestionnaireFigures[], { t, locale }: Pick<SectionFormat, 't' | 'locale'>): ExportableTable {
  const f = formats(locale);
  return table('questionnaires', t('insightsTableQuestionnaires'), figures, [
    { header: t('insightsColQuestionnaire'), raw: (row) => row.title },
    { header: t('insightsColQuestions'), raw: (row) => row.questions, shown: (row) => f.count(row.questions) },
    { header: t('insightsColStarted'), raw: (row) => row.started, shown: (row) => f.count(row.started) },
    { header: t('insightsColEssentials'), raw: (row) => row.essentialsAnswered, shown: (row) => f.count(row.essentialsAnswered) },
    { header: t('insightsColCompleted'), raw: (row) => row.completed, shown: (row) => f.count(row.completed) },
    { header: t('insightsColCompletion'), raw: (row) => ratioPercent(row.completion), shown: (row) => f.percent(row.completion === null ? null : row.completion * 100) },
  ]);
}

export function objectionsTable(objections: UnansweredObjections, { t, locale, timeZone }: Pick<SectionFormat, 't' | 'locale'> & { timeZone: string }): ExportableTable {
  const f = formats(locale);
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return table('objections', t('insightsTableObjections', { count: objections.total }), objections.phrases, [
    { header: t('insightsColPhrase'), raw: (phrase) => phrase.text },
    { header: t('insightsColTimesHeard'), raw: (phrase) => phrase.count, shown: (phrase) => f.count(phrase.count) },
    { header: t('insightsColClients'), raw: (phrase) => phrase.clients, shown: (phrase) => f.count(phrase.clients) },
    { header: t('insightsColLastHeard'), raw: (phrase) => dayOf.format(phrase.lastAt), shown: (phrase) => f.day(dayOf.format(phrase.lastAt)) },
  ]);
}

// ---- cold calls --------------------------------------------------------------------------------

export function coldCallChart(figures: ColdCallFigures, { t }: Pick<SectionFormat, 't'>): ChartData {
  return {
    id: 'cold-calls',
    title: t('insightsChartColdCalls'),
    x: figures.days.map((day) => day.date),
    period: 'day',
    series: [
      { id: 'calls', label: t('insightsColCalls'), values: figures.days.map((day) => day.calls), kind: 'count' },
      ...(figures.plan === null ? [] : [{ id: 'plan', label: t('insightsColPlan'), values: figures.days.map((day) => day.plan), kind: 'count' as const, comparison: true }]),
    ],
  };
}

export function coldCallTables(figures: ColdCallFigures, { t, locale }: Pick<SectionFormat, 't' | 'locale'>): ExportableTable[] {
  const f = formats(locale);
  const ofPlan = (calls: number, plan: number | null) => (plan ? calls / plan : null);
  // The daily report lists the days there was something to report or a plan to meet.
  const days = figures.days.filter((day) => day.calls > 0 || (day.plan ?? 0) > 0);
  return [
    table('cold-calls-months', t('insightsTableColdCallMonths'), figures.months, [
      { header: t('insightsColMonth'), raw: (row) => row.month, shown: (row) => f.month(row.month) },
      { header: t('insightsColCalls'), raw: (row) => row.calls, shown: (row) => f.count(row.calls) },
      { header: t('insightsColReached'), raw: (row) => row.reached, shown: (row) => f.count(row.reached) },
      { header: t('insightsColPlan'), raw: (row) => row.plan, shown: (row) => f.count(row.plan) },
      { header: t('insightsColOfPlan'), raw: (row) => ratioPercent(ofPlan(row.calls, row.plan)), shown: (row) => f.percent(row.plan ? (row.calls / row.plan) * 100 : null) },
    ]),
    table('cold-calls-daily', t('insightsTableColdCallReport'), days, [
      { header: t('insightsColDate'), raw: (row) => row.date, shown: (row) => f.day(row.date) },
      { header: t('insightsColCalls'), raw: (row) => row.calls, shown: (row) => f.count(row.calls) },
      { header: t('insightsColReached'), raw: (row) => row.reached, shown: (row) => f.count(row.reached) },
      { header: t('insightsColNoAnswer'), raw: (row) => row.noAnswer, shown: (row) => f.count(row.noAnswer) },
      { header: t('insightsColNotInterested'), raw: (row) => row.notInterested, shown: (row) => f.count(row.notInterested) },
      { header: t('insightsColRescheduled'), raw: (row) => row.rescheduled, shown: (row) => f.count(row.rescheduled) },
      { header: t('insightsColPlan'), raw: (row) => row.plan, shown: (row) => f.count(row.plan) },
    ]),
  ];
}

export function coldCallHeadline(figures: ColdCallFigures, { t, locale }: Pick<SectionFormat, 't' | 'locale'>): HeadlineFigure {
  const f = formats(locale);
  return {
    id: 'cold-calls',
    label: t('insightsColdCalls'),
    value: f.count(figures.total),
    ...(figures.plan === null ? { note: t('insightsColdCallsNoPlan') } : { comparison: t('insightsOfPlanCalls', { plan: f.count(figures.plan) }) }),
  };
}
