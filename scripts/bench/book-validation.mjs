// Validating a 2 MB sales book (budget: under 200 ms). The English default book
// (lib/book/defaults/en.ts) is grown, copy by copy, with more objections, numbered sections and
// programmes (new ids, varied texts, every list within BOOK_LIMITS) until its JSON is 2 MiB,
// then `parseBookJson` (lib/book/validate.ts: size check, JSON parse, shape pass, zod schema,
// rules across fields) is timed on the text, as an import or a subscription sync runs it.
// TypeScript is bundled with esbuild (scripts/bench/lib/ts.mjs). ROUNDS rounds of RUNS runs after
// a warm-up; the lowest round median is kept, every round is in the note.
import { errorRow, loadNote, median } from './lib/common.mjs';
import { importTs } from './lib/ts.mjs';

const TARGET_BYTES = 2 * 1024 * 1024;
const BUDGET_MS = 200;
const WARM_UP = 2;
const ROUNDS = 5;
const RUNS = 5;

export async function run() {
  try {
    const [{ enBook }, { parseBookJson }, { BOOK_LIMITS }] = await Promise.all([
      importTs('lib/book/defaults/en.ts'),
      importTs('lib/book/validate.ts'),
      importTs('lib/book/schema.ts'),
    ]);
    const { text, counts } = bigBook(enBook, BOOK_LIMITS);
    const check = parseBookJson(text);
    if (!check.ok) throw new Error(`the generated book is not valid: ${check.errors.slice(0, 3).map((error) => `${error.path}: ${error.message}`).join('; ')}`);

    for (let run = 0; run < WARM_UP; run++) parseBookJson(text);
    const loads = [loadNote()];
    /** @type {number[][]} */
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const times = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        const result = parseBookJson(text);
        times.push(performance.now() - started);
        if (!result.ok) throw new Error('validation result changed between runs');
      }
      rounds.push(times);
    }
    loads.push(loadNote());
    const medians = rounds.map((times) => median(times));
    const mib = (text.length / 2 ** 20).toFixed(2);
    return [
      {
        name: `parseBookJson, ${mib} MiB book (best of ${ROUNDS} medians of ${RUNS})`,
        value: Math.min(...medians),
        unit: 'ms',
        budget: BUDGET_MS,
        note: `round medians ${medians.map((value) => value.toFixed(0)).join(' / ')} ms, max ${Math.max(...rounds.flat()).toFixed(0)} ms; ${counts}; Node ${process.version}; ${loads.join(' -> ')}`,
      },
      { name: `  JSON.parse alone, same text (median of ${RUNS})`, value: median(Array.from({ length: RUNS }, () => timed(() => JSON.parse(text)))), unit: 'ms', note: 'for scale' },
    ];
  } catch (error) {
    return [errorRow('parseBookJson, 2 MiB book', error, { unit: 'ms', budget: BUDGET_MS })];
  }
}

/** @param {() => unknown} work */
function timed(work) {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/**
 * The English book with copies of its lists' items added in turn (objections, sections,
 * programmes, cross-sell rules, questionnaires, loyalty and promotion ideas) until the JSON text
 * reaches TARGET_BYTES. Copies get new ids (and section numbers) and varied texts, so nothing is a
 * repeated string; a copied objection carries its phrasings and answers twice (original and
 * reworded), a copied section its steps twice, as a team's own book grows. Every list stays
 * within BOOK_LIMITS.
 * @param {any} base @param {Record<string, number>} limits
 */
function bigBook(base, limits) {
  const book = structuredClone(base);
  const vary = (/** @type {string} */ text, /** @type {number} */ copy) => (text.trim() === '' ? text : `${text} (variant ${copy})`);
  const newId = (/** @type {string} */ id, /** @type {number} */ copy) => `${id.slice(0, 50)}-c${copy}`;
  /** @type {Array<{ key: string, limit: number, make: (original: any, copy: number) => any }>} */
  const kinds = [
    {
      key: 'objections',
      limit: limits.objections,
      make: (original, copy) => ({
        ...original,
        id: newId(original.id, copy),
        phrasings: [...original.phrasings, ...original.phrasings.map((/** @type {string} */ text) => vary(text, copy))].slice(0, limits.phrasings),
        responses: [...original.responses, ...original.responses.map((/** @type {{ text: string }} */ response) => ({ ...response, text: vary(response.text, copy) }))].slice(0, limits.responses),
      }),
    },
    {
      key: 'sections',
      limit: limits.sections,
      make: (original, copy) => ({
        ...original,
        id: newId(original.id, copy),
        number: `${100 + Math.floor(copy / 100)}.${copy % 100}`,
        title: vary(original.title, copy),
        description: vary(original.description, copy),
        steps: [...original.steps, ...original.steps.map((/** @type {{ title: string }} */ step) => ({ ...step, title: vary(step.title, copy) }))].slice(0, limits.steps),
      }),
    },
    {
      key: 'programmes',
      limit: limits.programmes,
      make: (original, copy) => ({
        ...original,
        id: newId(original.id, copy),
        name: vary(original.name, copy),
        touches: original.touches.map((/** @type {{ goal: string, script: string }} */ touch) => ({ ...touch, goal: vary(touch.goal, copy), script: vary(touch.script, copy) })),
      }),
    },
    {
      key: 'crossSell',
      limit: limits.crossSell,
      make: (original, copy) => ({ ...original, id: newId(original.id, copy), title: vary(original.title, copy), benefit: vary(original.benefit, copy) }),
    },
    {
      key: 'questionnaires',
      limit: limits.questionnaires,
      make: (original, copy) => ({ ...original, id: newId(original.id, copy), title: vary(original.title, copy) }),
    },
    { key: 'loyaltyIdeas', limit: limits.ideas, make: (original, copy) => ({ ...original, id: newId(original.id, copy), title: vary(original.title, copy) }) },
    { key: 'promotionIdeas', limit: limits.ideas, make: (original, copy) => ({ ...original, id: newId(original.id, copy), title: vary(original.title, copy) }) },
  ].filter((kind) => Array.isArray(book[kind.key]) && book[kind.key].length > 0);
  const originals = Object.fromEntries(kinds.map((kind) => [kind.key, [...book[kind.key]]]));
  let size = JSON.stringify(book).length;
  for (let copy = 1; size < TARGET_BYTES; copy++) {
    let added = false;
    for (const kind of kinds) {
      const list = book[kind.key];
      if (size >= TARGET_BYTES || list.length >= kind.limit) continue;
      const item = kind.make(originals[kind.key][copy % originals[kind.key].length], copy);
      list.push(item);
      size += JSON.stringify(item).length + 1;
      added = true;
    }
    if (!added) break; // every list is full: the book is as big as the limits allow
  }
  const text = JSON.stringify(book);
  return { text, counts: kinds.map((kind) => `${book[kind.key].length} ${kind.key}`).join(', ') };
}
