import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOOKS } from '../../lib/book/defaults';
import type { AnswerRecord, EventRecord, OfferRecord, TouchOutcome, UnmatchedObjectionRecord } from '../../lib/db/schema';
import {
  abcSegments,
  churnRisk,
  coldCalls,
  crossSellByRule,
  datedPurchases,
  monthPlans,
  questionnaireCompletion,
  topClients,
  unansweredObjections,
  type CallTouch,
} from '../../lib/insights';
import { random } from './synthetic-data';

/**
 * Every Insights figure of lib/insights at 10,000 clients / 100,000 touches / 50,000 purchases
 * (three currencies, refunds, a third without a card date so the zone must place them), plus
 * 20,000 offers, 30,000 answers and 2,000 unanswered objections; a 12-month range, Kyiv time.
 * Budget 1 s per figure (median of 5 runs, after one warm-up), wall-clock in Node.
 *
 *   npx vitest run --config vitest.bench.config.ts test/bench/insights.bench.ts
 */
export const RESULTS_FILE = join(import.meta.dirname, '../../bench/results/insights.json');
const BUDGET_MS = 1_000;
const RUNS = 5;
const CLIENTS = 10_000;
const TOUCHES = 100_000;
const PURCHASES = 50_000;
const TIME_ZONE = 'Europe/Kyiv';
const NOW = Date.parse('2026-06-15T09:00:00Z');
const DAY = 86_400_000;
const RANGE = { from: '2025-06-01', to: '2026-05-31' };

interface Row {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  note?: string;
}
const rows: Row[] = [];

const next = random(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const clientId = () => `client-${Math.floor(next() * CLIENTS)}`;
const book = DEFAULT_BOOKS.en;

const events: EventRecord[] = Array.from({ length: PURCHASES }, (_, index) => {
  const at = NOW - Math.floor(next() * 900 * DAY);
  const withDate = next() < 0.66;
  return {
    id: `purchase-${index}`,
    clientId: clientId(),
    type: 'purchase',
    at,
    data: {
      product: 'Van',
      ...(withDate ? { date: new Date(at).toISOString().slice(0, 10) } : {}),
      ...(next() < 0.9 ? { amount: next() < 0.03 ? -100 : Math.round(next() * 5_000), currency: pick(['EUR', 'EUR', 'UAH', 'USD']) } : {}),
    },
    source: withDate ? 'crm' : 'manager',
    createdAt: at,
  };
});
const outcomes: TouchOutcome[] = ['reached', 'no-answer', 'not-interested', 'rescheduled'];
const touches: CallTouch[] = Array.from({ length: TOUCHES }, () => {
  const at = NOW - Math.floor(next() * 500 * DAY);
  const done = next() < 0.5;
  return { clientId: clientId(), state: done ? 'done' : pick(['planned', 'due', 'skipped', 'missed'] as const), channel: pick(['call', 'call', 'email', 'meeting']), outcome: done ? pick(outcomes) : null, outcomeAt: done ? at : null, updatedAt: at };
});
const ruleIds = book.crossSell.map((rule) => rule.id);
const offers: OfferRecord[] = Array.from({ length: 20_000 }, () => ({ clientId: clientId(), ruleId: pick(ruleIds), status: pick(['offered', 'accepted', 'declined'] as const), updatedAt: NOW - Math.floor(next() * 400 * DAY) }));
const questions = book.questionnaires.flatMap((questionnaire) => questionnaire.questions.map((question) => ({ questionnaireId: questionnaire.id, questionId: question.id })));
const answers: AnswerRecord[] = Array.from({ length: 30_000 }, () => ({ ...pick(questions), clientId: clientId(), value: next() < 0.1 ? null : 'yes', updatedAt: NOW - Math.floor(next() * 400 * DAY) }));
const objections: UnmatchedObjectionRecord[] = Array.from({ length: 2_000 }, (_, index) => ({ id: `o-${index}`, text: `phrase ${Math.floor(next() * 300)}`, clientId: clientId(), bookId: 'en', createdAt: NOW - Math.floor(next() * 400 * DAY) }));

function measure(name: string, run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  rows.push({ name, value: median, unit: 'ms', budget: BUDGET_MS });
  return median;
}

describe('Insights figures at scale', () => {
  const purchases = datedPurchases(events, TIME_ZONE);

  it('computes every figure within its budget', () => {
    const times = [
      measure(`dated purchases (${PURCHASES.toLocaleString('en')} events)`, () => datedPurchases(events, TIME_ZONE)),
      measure('TOP-50 clients per currency, entered/dropped/silent', () => topClients({ purchases, range: RANGE, now: NOW, timeZone: TIME_ZONE })),
      measure('month plan +10% and progress', () => monthPlans({ purchases, now: NOW, timeZone: TIME_ZONE })),
      measure('A/B/C segments by revenue', () => abcSegments({ purchases, range: RANGE })),
      measure(`churn risk (${CLIENTS.toLocaleString('en')} clients)`, () => churnRisk({ purchases, now: NOW, timeZone: TIME_ZONE })),
      measure('cross-sell per rule (20,000 offers)', () => crossSellByRule({ offers, range: RANGE, timeZone: TIME_ZONE, book })),
      measure('questionnaire completion (30,000 answers)', () => questionnaireCompletion({ answers, range: RANGE, timeZone: TIME_ZONE, book })),
      measure('unanswered objections (2,000)', () => unansweredObjections({ objections, range: RANGE, timeZone: TIME_ZONE })),
      measure(`cold calls per day/month (${TOUCHES.toLocaleString('en')} touches)`, () => coldCalls({ touches, purchases, range: RANGE, timeZone: TIME_ZONE, perDayPlan: 40 })),
    ];
    for (const time of times) expect(time).toBeLessThan(BUDGET_MS);
  });
});

afterAll(() => {
  console.table(rows.map((row) => ({ ...row, value: Math.round(row.value * 100) / 100 })));
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
});
