import { z } from 'zod';
import { capErrors, issuesToErrors, sortErrors, type BookError } from './errors';
import { checkJsonShape } from './json-shape';
import {
  IdSchema,
  ObjectionResponseSchema,
  ObjectionSchema,
  type Objection,
  type ObjectionResponse,
  type SalesBook,
} from './schema';
import { checkPlaceholders } from './validate';

/**
 * A manager's own layer on top of the team book: objections they met that the book lacks, their
 * own answers to the team's objections, and notes on sections. It is stored apart from the team
 * book, so a new team book never wipes it; what it refers to may disappear from the team book,
 * and such items are kept and reported as orphaned rather than dropped.
 */

export const PERSONAL_LIMITS = { objections: 500, responsesPerObjection: 20, note: 20_000, keys: 2_000 } as const;

export const PersonalLayerSchema = z.strictObject({
  schema: z.literal(1),
  objections: z.array(ObjectionSchema).max(PERSONAL_LIMITS.objections).default([]),
  /** Extra answers keyed by the id of a team objection. */
  responses: z.record(IdSchema, z.array(ObjectionResponseSchema).max(PERSONAL_LIMITS.responsesPerObjection)).default({}),
  /** A note per section id. */
  notes: z.record(IdSchema, z.string().max(PERSONAL_LIMITS.note, { abort: true })).default({}),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});

export type PersonalLayer = z.output<typeof PersonalLayerSchema>;

export function emptyPersonalLayer(): PersonalLayer {
  return { schema: 1, objections: [], responses: {}, notes: {} };
}

export type PersonalLayerValidation = { ok: true; layer: PersonalLayer } | { ok: false; errors: BookError[] };

export function validatePersonalLayer(input: unknown): PersonalLayerValidation {
  try {
    const shapeErrors = checkJsonShape(input);
    if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors };
    const parsed = PersonalLayerSchema.safeParse(input);
    const errors = parsed.success ? [] : issuesToErrors(parsed.error.issues, input, PersonalLayerSchema);
    errors.push(...checkPlaceholders(input));
    if (parsed.success && errors.length === 0) return { ok: true, layer: parsed.data };
    return { ok: false, errors: capErrors(sortErrors(errors, input)) };
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `the personal layer could not be read: ${String(error)}` }] };
  }
}

// ---- merging ------------------------------------------------------------------------------------

/** Marks what came from the manager, so the UI can say "yours" and offer to edit it. */
export type LayeredResponse = ObjectionResponse & { personal?: true };
export type LayeredObjection = Omit<Objection, 'responses'> & { responses: LayeredResponse[]; personal?: true };
export type LayeredBook = Omit<SalesBook, 'objections'> & { objections: LayeredObjection[] };

export interface LayerResult {
  book: LayeredBook;
  /** Section id -> the manager's note, for sections that exist. */
  notes: Record<string, string>;
  /** Personal items whose team objection or section is gone; kept, shown apart, never lost. */
  orphaned: { responses: Record<string, ObjectionResponse[]>; notes: Record<string, string> };
  /** Personal objections whose id the team book now also uses; their words were merged into it. */
  mergedObjectionIds: string[];
}

export function applyPersonalLayer(book: SalesBook, layer: PersonalLayer): LayerResult {
  const personalResponses = ownEntries(layer.responses);
  const objections: LayeredObjection[] = book.objections.map((objection) => {
    const extra = personalResponses.get(objection.id) ?? [];
    return extra.length === 0 ? objection : { ...objection, responses: [...objection.responses, ...markPersonal(extra)] };
  });

  const byId = new Map(objections.map((objection, index) => [objection.id, index]));
  const mergedObjectionIds: string[] = [];
  for (const own of layer.objections) {
    const index = byId.get(own.id);
    if (index === undefined) {
      byId.set(own.id, objections.length);
      objections.push({ ...own, responses: markPersonal(own.responses), personal: true });
      continue;
    }
    // The team has since added an objection with this id: keep the team's, add the manager's words.
    const team = objections[index] as LayeredObjection;
    objections[index] = {
      ...team,
      phrasings: [...new Set([...team.phrasings, ...own.phrasings])],
      responses: [...team.responses, ...markPersonal(own.responses)],
    };
    mergedObjectionIds.push(own.id);
  }

  const teamObjectionIds = new Set(book.objections.map((objection) => objection.id));
  const personalObjectionIds = new Set(layer.objections.map((objection) => objection.id));
  const sectionIds = new Set(book.sections.map((section) => section.id));
  const orphanedResponses: Record<string, ObjectionResponse[]> = {};
  for (const [objectionId, responses] of personalResponses) {
    if (!teamObjectionIds.has(objectionId) && !personalObjectionIds.has(objectionId)) orphanedResponses[objectionId] = responses;
    else if (!teamObjectionIds.has(objectionId)) attachToPersonal(objections, objectionId, responses);
  }
  const notes: Record<string, string> = {};
  const orphanedNotes: Record<string, string> = {};
  for (const [sectionId, note] of ownEntries(layer.notes)) {
    if (sectionIds.has(sectionId)) notes[sectionId] = note;
    else orphanedNotes[sectionId] = note;
  }

  return {
    book: { ...book, objections },
    notes,
    orphaned: { responses: orphanedResponses, notes: orphanedNotes },
    mergedObjectionIds,
  };
}

function markPersonal(responses: readonly ObjectionResponse[]): LayeredResponse[] {
  return responses.map((response) => ({ ...response, personal: true }));
}

/** Extra answers to the manager's own objection (stored under `responses` by its id). */
function attachToPersonal(objections: LayeredObjection[], objectionId: string, responses: ObjectionResponse[]): void {
  const index = objections.findIndex((objection) => objection.id === objectionId);
  const target = objections[index];
  if (target) objections[index] = { ...target, responses: [...target.responses, ...markPersonal(responses)] };
}

/** Own keys only: a record read from storage must not answer for "constructor". */
function ownEntries<Value>(record: Record<string, Value>): Map<string, Value> {
  return new Map(Object.keys(record).map((key) => [key, record[key] as Value]));
}

// ---- editing the layer (pure: each returns a new layer) ------------------------------------------

/** Ids come from the book; anything else is a programming error, not data to store. */
function assertId(id: string): void {
  if (!IdSchema.safeParse(id).success) throw new TypeError(`not a book id: ${JSON.stringify(id.slice(0, 80))}`);
}

export function addPersonalResponse(layer: PersonalLayer, objectionId: string, response: ObjectionResponse): PersonalLayer {
  assertId(objectionId);
  const existing = Object.hasOwn(layer.responses, objectionId) ? (layer.responses[objectionId] ?? []) : [];
  return { ...layer, responses: { ...layer.responses, [objectionId]: [...existing, response] } };
}

export function setSectionNote(layer: PersonalLayer, sectionId: string, note: string): PersonalLayer {
  assertId(sectionId);
  const notes = { ...layer.notes };
  if (note.trim() === '') delete notes[sectionId];
  else notes[sectionId] = note;
  return { ...layer, notes };
}

export function upsertPersonalObjection(layer: PersonalLayer, objection: Objection): PersonalLayer {
  assertId(objection.id);
  const others = layer.objections.filter((existing) => existing.id !== objection.id);
  return { ...layer, objections: [...others, objection] };
}
