import { z } from 'zod';
import type { BookSlotName } from '../db/schema';
import { BookConfigSchema } from './config';
import type { BookError } from './errors';
import { validatePersonalLayer } from './layers';
import { emptySlot, type BookSlot } from './sources';
import { checkBookUrl } from './subscription';
import { validateBook } from './validate';

/**
 * What the book machinery keeps in the `books` table is data from outside once a backup was
 * restored (issue 16), so it is checked twice: when a backup writes a slot (`checkRestoredSlot`,
 * a bad one is not written) and whenever a slot is read (`readBookSlot`, a bad one is set aside).
 * Nothing downstream ever sees a book that did not pass `validateBook`.
 */

export const BOOK_SLOTS = ['managed', 'subscription', 'imported'] as const satisfies readonly BookSlotName[];
export type BookSourceSlot = (typeof BOOK_SLOTS)[number];

export function isBookSourceSlot(slot: BookSlotName): slot is BookSourceSlot {
  return (BOOK_SLOTS as readonly string[]).includes(slot);
}

const stamp = z.string().max(100).nullable();
const ErrorListSchema = z.array(z.object({ path: z.string().max(2_000), message: z.string().max(10_000) })).max(1_000);

/** Each bookkeeping field on its own: a damaged one becomes null without costing the book. */
const SLOT_FIELDS = {
  etag: z.string().max(1_000).nullable(),
  verifiedKeyId: z.string().max(100).nullable(),
  acceptedAt: stamp,
  checkedAt: stamp,
  lastError: z.object({ at: z.string().max(100), errors: ErrorListSchema }).nullable(),
} as const;

export interface SlotReading {
  slot: BookSlot;
  /** Why the stored book was set aside; null when the slot was sound (or empty). */
  damaged: BookError[] | null;
}

/** A stored managed/subscription/imported slot, as far as it can be trusted. */
export function readBookSlot(value: unknown): SlotReading {
  if (value === undefined || value === null) return { slot: emptySlot(), damaged: null };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { slot: emptySlot(), damaged: [{ path: '', message: `expected a stored book slot, found ${Array.isArray(value) ? 'a list' : typeof value}` }] };
  }
  const record = value as Record<string, unknown>;
  const slot = emptySlot();
  for (const key of Object.keys(SLOT_FIELDS) as Array<keyof typeof SLOT_FIELDS>) {
    const parsed = SLOT_FIELDS[key].safeParse(Object.hasOwn(record, key) ? record[key] : null);
    if (parsed.success) Object.assign(slot, { [key]: parsed.data });
  }
  const book = Object.hasOwn(record, 'book') ? record['book'] : null;
  if (book === null || book === undefined) return { slot: { ...slot, etag: null }, damaged: null };
  const validation = validateBook(book);
  if (validation.ok) return { slot: { ...slot, book: validation.book }, damaged: null };
  // Without its book the slot's ETag would make the server answer 304 for a book we do not have.
  return { slot: { ...slot, book: null, etag: null, verifiedKeyId: null, acceptedAt: null }, damaged: validation.errors };
}

/** The sentence the options page shows (and the console logs) for a slot set aside on reading. */
export function damagedSlotError(slot: BookSlotName, errors: readonly BookError[]): BookError {
  const first = errors[0];
  const detail = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'unreadable';
  return { path: '', message: `the stored book (${slot}) was damaged and was set aside; the default book stands in until a good one arrives (${detail})` };
}

export type RestoredSlot = { ok: true; value: unknown } | { ok: false; errors: BookError[] };

/**
 * A slot as a backup brings it: the value to write, or why not. Book slots lose their ETag (the
 * next sync fetches the book afresh instead of trusting the file's claim about the server).
 */
export function checkRestoredSlot(slot: BookSlotName, value: unknown): RestoredSlot {
  if (slot === 'config') {
    const parsed = BookConfigSchema.safeParse(value);
    if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
    const url = parsed.data.subscriptionUrl;
    const checked = url === null ? null : checkBookUrl(url);
    if (checked && !checked.ok) return { ok: false, errors: [{ path: 'subscriptionUrl', message: checked.error }] };
    return { ok: true, value: parsed.data };
  }
  if (slot === 'personal') {
    const validated = validatePersonalLayer(value);
    return validated.ok ? { ok: true, value: validated.layer } : validated;
  }
  const { slot: read, damaged } = readBookSlot(value);
  if (damaged) return { ok: false, errors: damaged };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [{ path: '', message: 'expected a stored book slot' }] };
  }
  return { ok: true, value: { ...read, etag: null } satisfies BookSlot };
}
