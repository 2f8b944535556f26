import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKS } from '../../../lib/book/defaults';
import type { AnswerRecord, EventRecord, OfferRecord, TouchOutcome, TouchRecord, UnmatchedObjectionRecord } from '../../../lib/db/schema';
import { createTranslator, type UiLanguage } from '../../../lib/i18n';
import { insightsCsv } from '../../../lib/insights/csv';
import type { FigureExtras } from '../../../lib/insights/load-figures';
import { buildInsightsView, createInsightsSource, type InsightsInput } from '../../../lib/insights/source';
import { refreshInsightAggregates } from '../../../lib/db/insights-aggregates';
import { makeDb } from '../factories';

/**
 * The Insights page's sections beyond revenue and touches, as the view the page draws: known
 * answers worked out by hand for a small team (see the comments beside each client).
 */
const NOW = new Date('2026-06-15T09:00:00Z');
const RANGE = { from: '2026-01-01', to: '2026-06-15' }; // previous period: 2025-07-19 .. 2025-12-31
const book = DEFAULT_BOOKS.en;
const context = (language: UiLanguage = 'en') => ({ t: createTranslator(language), locale: language, timeZone: 'UTC', now: () => NOW });

function purchase(clientId: string, date: string, amount: number, currency = 'EUR'): EventRecord {
  return { id: `${clientId}-${date}-${amount}`, clientId, type: 'purchase', at: Date.parse(`${date}T12:00:00Z`), data: { date, amount, currency }, source: 'crm', createdAt: 0 };
}

function doneCall(clientId: string, date: string, outcome: TouchOutcome, channel = 'call'): TouchRecord {
  const at = Date.parse(`${date}T10:00:00Z`);
  return {
    id: `${clientId}:${date}:${channel}`,
    clientId,
    programmeId: 'p',
    templateId: 't',
    state: 'done',
    dueAt: at,
    goal: '',
    role: '',
    channel,
    script: '',
    outcome,
    note: null,
    updatedAt: at,
    programmeName: 'Calls',
    priority: 0,
    roleId: '',
    anchorEventId: null,
    occurrence: '',
    source: 'manager',
    expiresAt: null,
    snoozedUntil: null,
    outcomeAt: at,
    skipReason: null,
    createdAt: at,
  };
}

const purchases = [
  // Anna: bought 1 Dec, 1 Feb, 1 May -> gaps 62 and 89 days, usual 75.5; silent 45 days.
  purchase('anna', '2025-12-01', 500),
  purchase('anna', '2026-02-01', 600),
  purchase('anna', '2026-05-01', 400), // last month's whole revenue: the June plan's basis
  // Boris: new this period; 1 Mar and 10 Jun -> usual 101 days, silent 5.
  purchase('boris', '2026-03-01', 400),
  purchase('boris', '2026-06-10', 240), // June so far
  // Dmitri: in the previous period only -> dropped out; silent 257 days against the team's 75.5.
  purchase('dmitri', '2025-10-01', 300),
  // Elena: 20 Dec and 10 Jan -> usual 21 days, silent 156: past her interval.
  purchase('elena', '2025-12-20', 200),
  purchase('elena', '2026-01-10', 100),
  // Chen pays in hryvnias: his own list, never added to euros.
  purchase('chen', '2026-04-01', 20_000, 'UAH'),
];

const feedback = book.questionnaires.find((questionnaire) => questionnaire.id === 'feedback')!;
const answer = (clientId: string, questionId: string, value: string | null = 'yes'): AnswerRecord => ({
  clientId,
  questionId,
  questionnaireId: 'feedback',
  value,
  updatedAt: Date.parse('2026-03-10T10:00:00Z'),
});
const offer = (clientId: string, status: OfferRecord['status'], ruleId = 'car-insurance'): OfferRecord => ({ clientId, ruleId, status, updatedAt: Date.parse('2026-04-10T10:00:00Z') });
const objection = (id: string, text: string, clientId: string | null, date: string): UnmatchedObjectionRecord => ({ id, text, clientId, bookId: 'en', createdAt: Date.parse(`${date}T10:00:00Z`) });

const extras: FigureExtras = {
  offers: [offer('anna', 'accepted'), offer('boris', 'declined'), offer('chen', 'offered'), offer('anna', 'accepted', 'car-alloy-wheels')],
  answers: [
    ...feedback.questions.map((question) => answer('anna', question.id)), // every question: complete
    answer('boris', 'service-professionalism'),
    answer('boris', 'overall-rating'), // both important ones
    answer('chen', 'what-to-change'),
    answer('chen', 'overall-rating', '  '), // blank is no answer
  ],
  objections: [
    objection('o1', 'Too expensive', 'anna', '2026-03-01'),
    objection('o2', 'too  expensive!', 'boris', '2026-04-01'),
    objection('o3', 'We have a supplier', null, '2026-02-01'),
    objection('o4', 'Too expensive', 'elena', '2025-12-01'), // before the range
  ],
  doneTouches: [
    doneCall('zoe', '2026-06-01', 'reached'), // never bought: a cold call
    doneCall('yuri', '2026-06-02', 'no-answer'),
    doneCall('anna', '2026-06-02', 'reached'), // a client already: not cold
    doneCall('yuri', '2026-06-03', 'reached', 'email'), // not a call
  ],
};

const names = new Map([
  ['anna', 'Anna Petrova'],
  ['boris', 'Boris <b>Ivanov</b>'],
  ['elena', 'Elena'],
  ['dmitri', 'Dmitri'],
]);

const input: InsightsInput = {
  purchases,
  touches: [],
  extras,
  book,
  settings: { planGrowthPercent: 20, coldCallsPerDay: 5, workingDays: [1, 2, 3, 4, 5] },
  clientNames: names,
};

const view = buildInsightsView(input, RANGE, context());
const raw = (id: string) => view.tables.find((table) => table.id === id)?.raw.rows;
const shown = (id: string) => view.tables.find((table) => table.id === id)?.table.rows;
const headline = (id: string) => view.headlines.find((figure) => figure.id === id);

/** A database holding the purchases, touches, offers, answers, objections and names above. */
async function seededDb() {
  const db = makeDb();
  await db.events.bulkPut(purchases);
  await db.touches.bulkPut(extras.doneTouches);
  await db.offers.bulkPut(extras.offers);
  await db.answers.bulkPut(extras.answers);
  await db.unmatchedObjections.bulkPut(extras.objections);
  await db.clients.bulkPut([...names].map(([id, name]) => ({ id, name }) as never)); // only the name is read
  return db;
}

describe('Insights view: every figure on the page', () => {
  it('lists the TOP clients per currency with who entered, who dropped out and who is silent past their interval', () => {
    expect(raw('top-clients-EUR')).toEqual([
      [1, 'Anna Petrova', 1_000, 2, 1, '2026-05-01', 75.5, 45, ''],
      [2, 'Boris <b>Ivanov</b>', 640, 2, null, '2026-06-10', 101, 5, 'New in the list'],
      [3, 'Elena', 100, 1, 3, '2026-01-10', 21, 156, 'Silent past their usual interval'],
    ]);
    expect(shown('top-clients-EUR')?.[0]).toEqual(['1', 'Anna Petrova', '€1,000', '2', '1', 'May 1, 2026', '75.5', '45', '']);
    // A client without a stored record still has a row, under a neutral name.
    expect(raw('top-clients-UAH')).toEqual([[1, 'Unknown client', 20_000, 1, null, '2026-04-01', null, 75, 'New in the list']]);
    expect(raw('top-clients-dropped')).toEqual([['EUR', 'Dmitri']]);
    // The headline follows the main currency (hryvnias brought most): nobody silent there yet.
    expect(headline('top-silent')).toMatchObject({ label: 'TOP clients, UAH: silent too long', value: '0', comparison: '1 new in the TOP, 0 dropped out' });
  });

  it("plans this month as last month's revenue + the set percent, with progress and next month's plan", () => {
    // May: 400 -> June plan 480 at +20%; June so far 240 = 50%; July: 240 + 20% = 288.
    // No hryvnias in May or June: no plan in them.
    expect(raw('plan')).toEqual([['EUR', '2026-06', 400, 480, 240, 50, 50, '2026-07', 288]]);
    expect(view.tables.find((table) => table.id === 'plan')?.title).toBe('Revenue plan: last month +20%');
    expect(headline('plan-progress')).toEqual({
      id: 'plan-progress',
      label: 'Plan for Jun 2026',
      value: '50%',
      comparison: '€240 of the €480 plan',
      note: 'Next month (Jul 2026): €288, +20% on this month so far',
    });
  });

  it('splits clients into A/B/C by revenue and ranks them by churn risk', () => {
    // 1,740 in euros: Anna starts at 0% and Boris at 57.5% (A), Elena at 94.3% (B).
    expect(raw('segments-abc')).toEqual([
      ['EUR', 'A', 2, 1_640, 94.3],
      ['EUR', 'B', 1, 100, 5.7],
      ['EUR', 'C', 0, 0, 0],
      ['UAH', 'A', 1, 20_000, 100],
      ['UAH', 'B', 0, 0, 0],
      ['UAH', 'C', 0, 0, 0],
    ]);
    expect(raw('churn-risk')).toEqual([
      ['Probably lost', 2],
      ['High', 0],
      ['Medium', 0],
      ['Low', 3],
    ]);
    expect(raw('churn-clients')).toEqual([
      ['Elena', 'Probably lost', '2026-01-10', 156, 21, "the client's own"],
      ['Dmitri', 'Probably lost', '2025-10-01', 257, 75.5, "the team's usual"],
    ]);
  });

  it('counts cross-sell per rule, questionnaire completion and the objections the book has no answer for', () => {
    expect(raw('cross-sell')).toEqual([
      ['Alloy wheels for a new car', 1, 1, 0, 0, 100],
      ['Insurance when the car is bought', 3, 1, 1, 1, 50],
    ]);
    expect(raw('questionnaires')).toEqual([
      ['Negotiation questionnaire', 15, 0, 0, 0, null],
      ['Feedback questionnaire', 6, 3, 2, 1, 33.3],
    ]);
    expect(raw('objections')).toEqual([
      ['too  expensive!', 2, 2, '2026-04-01'],
      ['We have a supplier', 1, 0, '2026-02-01'],
    ]);
    expect(view.tables.find((table) => table.id === 'objections')?.title).toBe('Objections without an answer in the book (3)');
  });

  it('reports cold calls per day and month against the plan, as a chart and a daily report', () => {
    // 1-15 June 2026: 11 working days at 5 calls a day.
    const months = raw('cold-calls-months')!;
    expect(months.at(-1)).toEqual(['2026-06', 2, 1, 55, 3.6]);
    const daily = raw('cold-calls-daily')!;
    expect(daily.find((row) => row[0] === '2026-06-01')).toEqual(['2026-06-01', 1, 1, 0, 0, 0, 5]);
    expect(daily.find((row) => row[0] === '2026-06-02')).toEqual(['2026-06-02', 1, 0, 1, 0, 0, 5]);
    expect(daily.find((row) => row[0] === '2026-06-06')).toBeUndefined(); // a Saturday with no calls
    const chart = view.charts.find((entry) => entry.id === 'cold-calls')!;
    expect(chart.x).toHaveLength(166);
    expect(chart.series.map((series) => series.id)).toEqual(['calls', 'plan']);
    expect(chart.series[0]!.values.reduce((sum, value) => sum! + value!, 0)).toBe(2);
    // 118 working days from 1 January to 15 June.
    expect(headline('cold-calls')).toMatchObject({ value: '2', comparison: 'of 590 planned' });
  });

  it('writes every section in the manager language with its number formats', () => {
    const ru = buildInsightsView(input, RANGE, context('ru'));
    const table = ru.tables.find((entry) => entry.id === 'top-clients-EUR')!;
    expect(table.title).toBe('ТОП клиентов по выручке, EUR (3)');
    expect(table.table.columns[1]).toBe('Клиент');
    expect(table.table.rows[0]![2]!.replace(/[\s\u00a0\u202f]/g, ' ')).toBe('1 000 €');
    expect(ru.headlines.find((figure) => figure.id === 'plan-progress')?.label).toBe('План на июнь 2026 г.');
    const el = buildInsightsView(input, RANGE, context('el'));
    expect(el.tables.find((entry) => entry.id === 'cross-sell')?.table.columns[0]).toBe('Κανόνας σταυροειδούς πώλησης');
  });

  it('exports every table and chart as CSV with the raw numbers, names kept as text', async () => {
    const db = await seededDb();
    const source = createInsightsSource({ db, ...context(), setup: () => Promise.resolve({ book, settings: input.settings }) });
    const loaded = await source.load(RANGE);
    expect(loaded.tables.map((table) => table.id)).toEqual(view.tables.map((table) => table.id));
    for (const id of [...loaded.tables.map((table) => table.id), ...loaded.charts.map((chart) => chart.id)]) {
      expect(source.tableRows(id), id).not.toBeNull();
    }
    const parse = (id: string) => Papa.parse<string[]>(insightsCsv(source.tableRows(id)!).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parse('top-clients-EUR')[2]).toEqual(['2', 'Boris <b>Ivanov</b>', '640', '2', '', '2026-06-10', '101', '5', 'New in the list']);
    expect(parse('cold-calls')[0]).toEqual(['Period', 'Calls', 'Plan']);
    expect(parse('cold-calls').find((row) => row[0] === '2026-06-01')).toEqual(['2026-06-01', '1', '5']);
  });

  it('draws the same page from the daily aggregates as from raw rows, the first screen before the client lists', async () => {
    const db = await seededDb();
    const setup = () => Promise.resolve({ book, settings: input.settings });
    const fromRows = await createInsightsSource({ db, ...context(), setup }).load(RANGE);
    const refresh = async () => ({ zone: 'UTC', ...(await refreshInsightAggregates(db, 'UTC')) });
    const screens: string[][] = [];
    const aggregated = await createInsightsSource({ db, ...context(), setup, refresh }).load(RANGE, (first) => screens.push(first.tables.map((table) => table.id)));
    expect(aggregated).toEqual(fromRows);
    expect(screens).toEqual([['revenue-by-currency', 'touches-by-programme', 'outcomes', 'plan', 'cold-calls-months', 'cold-calls-daily']]);
    // Aggregates cut in another zone are not used: the page counts from rows.
    const elsewhere = await createInsightsSource({ db, ...context(), setup, refresh: () => Promise.resolve({ zone: 'Asia/Tokyo' }) }).load(RANGE, () => screens.push(['early']));
    expect(elsewhere).toEqual(fromRows);
    expect(screens).toHaveLength(1);
  });
});
