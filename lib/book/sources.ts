import { z } from 'zod';
import { defaultBookLanguage, type DefaultBookLanguage } from './default-language';
import type { BookError } from './errors';
import { DEFAULT_MAX_BOOK_BYTES } from './json-text';
import type { SalesBook } from './schema';
import type { BookCandidate } from './subscription';
import { checkBookUrl } from './subscription';

/**
 * Where the active sales book comes from, strongest first:
 *   1. the managed policy an administrator pushed (`bookUrl` or `inlineBook`);
 *   2. the subscription URL a manager entered in the options;
 *   3. a file the manager imported or JSON they pasted;
 *   4. the default book in the UI language.
 * And the last-good rule: whatever a source delivers, a bad book never replaces a good one.
 */

// ---- managed policy (chrome.storage.managed / Firefox policies.json) ----------------------------

/**
 * Lenient on purpose: an administrator's typo in one key must not switch the whole policy off, so
 * unknown keys are dropped here and listed by `readManagedPolicy` for the options page to show.
 * Blank strings (what many policy templates leave behind) count as "not set".
 */
export const ManagedPolicySchema = z.object({
  /** HTTPS address of the team's book (bare or signed JSON). */
  bookUrl: z.string().max(2_048).optional(),
  /** The book itself: JSON text (Chrome policies) or an object (Firefox policies.json). */
  inlineBook: z.union([z.string().max(DEFAULT_MAX_BOOK_BYTES), z.record(z.string(), z.unknown())]).optional(),
  /** Base64 Ed25519 public key; books from URLs must be signed with it. */
  publicKey: z.string().max(200).optional(),
  /** When true, managers cannot edit team content, change the source or import another book. */
  locked: z.boolean().optional(),
  /** The team view's settings (lib/team/settings.ts reads them); listed so they are not "unknown". */
  team: z.unknown().optional(),
});

export type ManagedPolicy = z.output<typeof ManagedPolicySchema>;

const POLICY_KEYS: ReadonlySet<string> = new Set(Object.keys(ManagedPolicySchema.shape));

export interface PolicyReading {
  /** null when nothing usable is configured (Chrome returns {} then; Firefox rejects instead). */
  policy: ManagedPolicy | null;
  errors: BookError[];
}

export function readManagedPolicy(raw: unknown): PolicyReading {
  if (raw === null || raw === undefined) return { policy: null, errors: [] };
  const parsed = ManagedPolicySchema.safeParse(raw);
  if (!parsed.success) {
    return {
      policy: null,
      errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: `managed policy: ${issue.message}` })),
    };
  }
  const errors: BookError[] = Object.keys(raw)
    .filter((key) => !POLICY_KEYS.has(key))
    .map((key) => ({ path: key, message: `managed policy: unknown setting "${key}" was ignored` }));

  const policy: ManagedPolicy = {};
  const bookUrl = parsed.data.bookUrl?.trim();
  if (bookUrl) {
    const checked = checkBookUrl(bookUrl);
    if (checked.ok) policy.bookUrl = checked.url.href;
    else errors.push({ path: 'bookUrl', message: `managed policy: ${checked.error}` });
  }
  const inline = parsed.data.inlineBook;
  if (inline !== undefined && !(typeof inline === 'string' && inline.trim() === '')) policy.inlineBook = inline;
  const publicKey = parsed.data.publicKey?.trim();
  if (publicKey) policy.publicKey = publicKey;
  if (parsed.data.locked !== undefined) policy.locked = parsed.data.locked;

  return { policy: Object.keys(policy).length > 0 ? policy : null, errors };
}

// ---- picking the active source ------------------------------------------------------------------

export interface BookSourcesState {
  policy: ManagedPolicy | null;
  subscription: { url: string; publicKey?: string | null } | null;
  /** Whether the manager has imported or pasted a book (the book itself lives in its slot). */
  hasImportedBook: boolean;
  uiLanguage: string;
}

export type SourceKey = 'managed' | 'subscription' | 'imported' | 'default';

export type ActiveSource =
  | {
      key: 'managed';
      /** Poll this when set; the inline book is used until a good one arrives, or alone. */
      url: string | null;
      inlineBook: string | Record<string, unknown> | null;
      publicKey: string | null;
      locked: boolean;
    }
  | { key: 'subscription'; url: string; publicKey: string | null; locked: boolean }
  | { key: 'imported'; locked: boolean }
  | { key: 'default'; language: DefaultBookLanguage; locked: boolean };

export function pickActiveSource(state: BookSourcesState): ActiveSource {
  const { policy } = state;
  const locked = policy?.locked === true;
  // An administrator's key binds every downloaded book, not only the one the policy names.
  const adminKey = policy?.publicKey ?? null;

  if (policy && (policy.bookUrl || policy.inlineBook !== undefined)) {
    return { key: 'managed', url: policy.bookUrl ?? null, inlineBook: policy.inlineBook ?? null, publicKey: adminKey, locked };
  }
  const subscriptionUrl = state.subscription?.url.trim();
  if (subscriptionUrl && checkBookUrl(subscriptionUrl).ok) {
    return { key: 'subscription', url: subscriptionUrl, publicKey: adminKey ?? (state.subscription?.publicKey?.trim() || null), locked };
  }
  if (state.hasImportedBook) return { key: 'imported', locked };
  return { key: 'default', language: defaultBookLanguage(state.uiLanguage), locked };
}

/** `locked` hides editing of team content; personal notes stay editable either way. */
export function canEditTeamContent(source: ActiveSource): boolean {
  return !source.locked;
}

/** Whether the options page may offer "import a file" and "subscribe to a URL". */
export function canChangeSource(source: ActiveSource): boolean {
  return source.key !== 'managed' && !source.locked;
}

// ---- the last-good rule -------------------------------------------------------------------------

/** What we keep per source. `book` is the last good book and survives any number of bad ones. */
export interface BookSlot {
  book: SalesBook | null;
  /** ETag of `book` as served; only a book we accepted gives its ETag, so a rejected one is re-read. */
  etag: string | null;
  verifiedKeyId: string | null;
  acceptedAt: string | null;
  checkedAt: string | null;
  /** The exact errors of the latest failed attempt; cleared by the next success. */
  lastError: { at: string; errors: BookError[] } | null;
}

export function emptySlot(): BookSlot {
  return { book: null, etag: null, verifiedKeyId: null, acceptedAt: null, checkedAt: null, lastError: null };
}

export function acceptCandidate(current: BookSlot, candidate: BookCandidate, now: Date): BookSlot {
  const at = now.toISOString();
  switch (candidate.status) {
    case 'valid':
      return { book: candidate.book, etag: candidate.etag, verifiedKeyId: candidate.verifiedKeyId, acceptedAt: at, checkedAt: at, lastError: null };
    case 'not-modified':
      return { ...current, checkedAt: at, lastError: null };
    case 'invalid':
      return { ...current, checkedAt: at, lastError: { at, errors: candidate.errors } };
  }
}

export interface EffectiveBook {
  book: SalesBook;
  /** False when the active source has nothing good yet and the default book stands in. */
  fromActiveSource: boolean;
}

/**
 * The book the manager works with: the active source's last good book, else the default in the
 * UI language (loaded only then).
 */
export async function effectiveBook(
  slot: BookSlot | null | undefined,
  uiLanguage: string,
  defaultBook: (language: string) => Promise<SalesBook>,
): Promise<EffectiveBook> {
  if (slot?.book) return { book: slot.book, fromActiveSource: true };
  return { book: await defaultBook(uiLanguage), fromActiveSource: false };
}
