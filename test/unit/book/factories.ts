import { enBook } from '../../../lib/book/defaults/en';
import type { SalesBook } from '../../../lib/book/schema';

/**
 * Test data built from overrides, not by hand in every test. `validBookInput` is the smallest
 * book that passes; `editableDefaultBook` is a deep copy of the English default to break on purpose.
 */

type JsonRecord = Record<string, unknown>;

export function validTouch(overrides: JsonRecord = {}): JsonRecord {
  return {
    id: 'satisfaction-call',
    after: 'P7D',
    goal: 'Check the client is happy',
    role: { id: 'sales-manager', name: 'Sales manager' },
    channel: 'call',
    script: 'Good afternoon, {{client.firstName}}!',
    ...overrides,
  };
}

export function validProgramme(overrides: JsonRecord = {}): JsonRecord {
  return {
    id: 'durable-goods',
    name: 'Durable goods',
    priority: 10,
    anchor: { kind: 'purchase' },
    touches: [validTouch()],
    ...overrides,
  };
}

export function validObjection(overrides: JsonRecord = {}): JsonRecord {
  return {
    id: 'price-too-expensive',
    category: 'price',
    phrasings: ['Too expensive', 'That costs a lot'],
    responses: [{ text: 'Compared with what?', why: 'Find the reference point.' }],
    ...overrides,
  };
}

export function validBookInput(overrides: JsonRecord = {}): JsonRecord {
  return {
    schema: 1,
    id: 'team-book',
    title: 'Team book',
    version: '1.2.0',
    language: 'en',
    updatedAt: '2025-02-01T10:00:00Z',
    author: 'Head of sales',
    programmes: [validProgramme()],
    objections: [validObjection()],
    ...overrides,
  };
}

export function editableDefaultBook(): SalesBook {
  return structuredClone(enBook);
}

export function errorPaths(result: { ok: boolean; errors?: Array<{ path: string }> }): string[] {
  return (result.errors ?? []).map((error) => error.path);
}
