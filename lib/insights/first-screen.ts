// zod/mini, as range.ts: this loads with the page's first paint, before the rest of zod.
import { z } from 'zod/mini';
import type { SettingsRecord } from '../db/schema';
import { DEFAULT_RANGE_PRESET, presetRange, type DateRange } from './range';
import type { BaseFigures } from './source';

/**
 * The Insights page's first screen, kept by the worker in `storage.local` (first-screen-record.ts
 * writes it whenever the daily aggregates are up to date): the unformatted base figures of the
 * page's default range, the zone they were cut in, and the settings the first screen needs. The
 * page reads it without waking the worker and without Dexie, draws from it at once, then replaces
 * it with the live figures. Bounded: one range's months, weeks and days, nothing per client.
 */
export const FIRST_SCREEN_KEY = 'insights-first-screen';
/** Epoch ms of the last write to what the figures count (or to the settings): older records are stale. */
export const DATA_CHANGED_KEY = 'insights-data-changed-at';
/** A record bigger than this (a book with hundreds of programmes) is not kept: the page reads Dexie. */
export const FIRST_SCREEN_MAX_CHARS = 256 * 1024;

const count = z.number();
const money = z.object({ total: z.number(), repeat: z.number() });
const summaryShape = {
  byCurrency: z.record(z.string(), money),
  purchases: count,
  repeatPurchases: count,
  clients: count,
  repeatClients: count,
};
const touchCountsShape = {
  done: count,
  open: count,
  overdue: count,
  skipped: count,
  missed: count,
  outcomes: z.partialRecord(z.enum(['reached', 'no-answer', 'rescheduled', 'not-interested']), count),
};
const breakdown = z.object({
  total: z.object(touchCountsShape),
  byWeek: z.array(z.object({ week: z.string(), ...touchCountsShape })),
  byProgramme: z.array(z.object({ programme: z.string(), ...touchCountsShape })),
});
const callCounts = { calls: count, reached: count, plan: z.nullable(count) };

const BaseFiguresSchema = z.object({
  current: z.object(summaryShape),
  previous: z.object(summaryShape),
  months: z.array(z.object({ month: z.string(), ...summaryShape })),
  monthsLastYear: z.array(z.object({ month: z.string(), ...summaryShape })),
  touches: breakdown,
  touchesLastYear: breakdown,
  plans: z.array(
    z.object({
      currency: z.string(),
      month: z.string(),
      basis: z.number(),
      plan: z.number(),
      actual: z.number(),
      progress: z.nullable(z.number()),
      monthElapsed: z.number(),
      nextMonth: z.string(),
      nextPlan: z.number(),
    }),
  ),
  growth: z.number(),
  calls: z.object({
    days: z.array(z.object({ date: z.string(), noAnswer: count, notInterested: count, rescheduled: count, ...callCounts })),
    months: z.array(z.object({ month: z.string(), ...callCounts })),
    total: count,
    plan: z.nullable(count),
  }),
});

const FirstScreenSettingsSchema = z.object({
  uiLanguage: z.nullable(z.enum(['en', 'ru', 'uk', 'el'])),
  timeZone: z.nullable(z.string()),
  planGrowthPercent: z.optional(z.nullable(z.number())),
  coldCallsPerDay: z.optional(z.nullable(z.number())),
  workingDays: z.optional(z.array(z.number())),
});
export type FirstScreenSettings = z.infer<typeof FirstScreenSettingsSchema>;

export const FirstScreenRecordSchema = z.object({
  version: z.literal(1),
  /** The zone the aggregates were cut in (`insightsZone(settings)` when they were). */
  zone: z.string(),
  range: z.object({ from: z.string(), to: z.string() }),
  computedAt: z.number(),
  settings: FirstScreenSettingsSchema,
  base: BaseFiguresSchema,
});
export type FirstScreenRecord = z.infer<typeof FirstScreenRecordSchema>;

// The schema must describe every field the page formats: a new BaseFigures field fails to compile here.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const baseMatches: Exactly<z.infer<typeof BaseFiguresSchema>, BaseFigures> = true;
void baseMatches;

/** The settings fields the first screen uses, out of the full record. */
export function firstScreenSettings(settings: Pick<SettingsRecord, 'uiLanguage' | 'timeZone' | 'planGrowthPercent' | 'coldCallsPerDay' | 'workingDays'>): FirstScreenSettings {
  return {
    uiLanguage: settings.uiLanguage,
    timeZone: settings.timeZone,
    planGrowthPercent: settings.planGrowthPercent ?? null,
    coldCallsPerDay: settings.coldCallsPerDay ?? null,
    ...(settings.workingDays ? { workingDays: [...settings.workingDays] } : {}),
  };
}

/** The default range for a moment and a zone: what a record must be for to be drawn. */
export const defaultRange = (now: Date, timeZone: string): DateRange => presetRange(DEFAULT_RANGE_PRESET, now, timeZone);

/** `storage.local` as far as the record needs it (a fake in tests). */
export interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The record if the page may draw from it: valid, for the zone its settings give (the browser's
 * when they name none) and for today's default range there, and computed after the last data
 * change. Anything else is null, and the page takes the live path alone.
 */
export function usableFirstScreen(
  raw: unknown,
  changedAt: unknown,
  { now, browserZone }: { now: Date; browserZone: string },
): FirstScreenRecord | null {
  const parsed = FirstScreenRecordSchema.safeParse(raw);
  if (!parsed.success) return null;
  const record = parsed.data;
  if (record.zone !== (record.settings.timeZone ?? browserZone)) return null;
  const range = defaultRange(now, record.zone);
  if (record.range.from !== range.from || record.range.to !== range.to) return null;
  if (typeof changedAt === 'number' && changedAt >= record.computedAt) return null;
  return record;
}

/** Reads the record and the data-change marker in one call; never throws (null: take the live path). */
export async function readFirstScreen(local: Pick<LocalArea, 'get'>, context: { now: Date; browserZone: string }): Promise<FirstScreenRecord | null> {
  try {
    const stored = await local.get([FIRST_SCREEN_KEY, DATA_CHANGED_KEY]);
    return usableFirstScreen(stored[FIRST_SCREEN_KEY], stored[DATA_CHANGED_KEY], context);
  } catch {
    return null;
  }
}
