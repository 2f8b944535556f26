import type { ExamplePhrasings } from '../../examples';

/** Not imported yet (scripts/import-objection-examples.ts). */
export const examples: ExamplePhrasings = {};
