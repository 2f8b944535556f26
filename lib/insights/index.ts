/**
 * Insights: the figures a manager and a team lead steer by, computed locally from Dexie data.
 *
 * Every figure is a pure function: it takes arrays of records, a `DateRange` (ISO days, both
 * inclusive, in the manager's zone; range.ts), and where "today" matters `now` and `timeZone`.
 * None of them touches Dexie; load.ts (purchases, touches) and load-figures.ts (offers, answers,
 * objections, done touches, clients by id) read the tables through their indexes.
 * Money is always per currency: a list or total is returned once per ISO 4217 code and never
 * summed across codes; a purchase without an amount or currency counts as a purchase but adds no
 * revenue; a refund is a negative amount (it lowers revenue and is not "buying").
 *
 * Purchases first become `DatedPurchase`s (`datedPurchases(events, timeZone)`): one local day
 * each, so 23:30 on 31 December stays in December.
 *
 * - revenue.ts (lead): revenue per month, repeat share of revenue and of clients, last year.
 * - touch-counts.ts (lead): touches done / due / overdue / skipped per week and programme.
 * - `topClients`: TOP-50 per currency with entered / dropped vs the previous period and who is
 *   silent longer than their usual purchase interval.
 * - `monthPlans`: this month's plan = last month + N% (`planGrowthPercent(settings)`, default
 *   10), progress so far, and next month's provisional plan.
 * - `abcSegments`: A/B/C by revenue per currency (80% / 15% / 5%); `churnRisk`: silence against
 *   each client's own rhythm (or the team's for one-time buyers).
 * - `crossSellByRule`: offered / accepted / declined / open per book rule.
 * - `questionnaireCompletion`: started / important answered / completed per questionnaire.
 * - `unansweredObjections`: what clients said that the book has no answer for, grouped.
 * - `coldCalls`: calls to non-buyers per day and month against `settings.coldCallsPerDay`, with
 *   the daily report (reached, no answer, not interested, rescheduled).
 */
export {
  buyingDaysByClient,
  datedPurchases,
  inRange,
  isSale,
  monthOf,
  previousRange,
  shiftMonth,
  todayIn,
  usualIntervalDays,
  type DatedPurchase,
} from './dated-purchases';
export { TOP_CLIENTS_LIMIT, topClients, type TopClient, type TopClientsInput, type TopClientsList } from './top-clients';
export { DEFAULT_PLAN_GROWTH_PERCENT, monthPlans, planGrowthPercent, type MonthPlan, type MonthPlanInput } from './plan';
export {
  ABC_CUTS,
  CHURN_RATIOS,
  abcSegments,
  churnRisk,
  type AbcClient,
  type AbcGroup,
  type AbcSegments,
  type ChurnRisk,
  type ChurnRiskEntry,
  type ChurnRiskSummary,
} from './segments';
export { crossSellByRule, type CrossSellRuleFigures } from './offers';
export { questionnaireCompletion, type QuestionnaireFigures } from './questionnaire-completion';
export { unansweredObjections, type UnansweredObjections, type UnansweredPhrase } from './unanswered-objections';
export { coldCalls, type CallTouch, type ColdCallDay, type ColdCallFigures, type ColdCallMonth } from './cold-calls';
export { loadClientsById, loadFigureExtras, type FigureExtras } from './load-figures';
