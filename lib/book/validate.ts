import { capErrors, formatPath, issuesToErrors, sortErrors, type BookError, type BookPath } from './errors';
import { checkJsonShape } from './json-shape';
import { DEFAULT_MAX_BOOK_BYTES, parseJsonText } from './json-text';
import { findUnknownPlaceholders, PLACEHOLDER_NAMES, suggestPlaceholder } from './placeholders';
import { BOOK_LIMITS, SalesBookSchema, type SalesBook } from './schema';
import { isZeroDuration, parseIsoDuration } from './timing';
import { selectorSyntaxProblem } from '../crm/css-syntax';

/**
 * `validateBook` answers one question for any input at all: is this a sales book we can use? It
 * never throws, and it reports every problem in one go, because a team lead fixing a file one
 * error per round trip gives up. Three passes:
 *   1. the shape of the data (depth, size, plain JSON) so nothing below can be made slow;
 *   2. the zod schema (types, lengths, formats, unknown keys);
 *   3. rules across fields (one timing per touch, unique ids, known placeholders, references).
 * Passes 2 and 3 both run on the raw input, so a duplicate id is reported next to a typo.
 */

export type BookValidation = { ok: true; book: SalesBook } | { ok: false; errors: BookError[] };

export function validateBook(input: unknown): BookValidation {
  try {
    if (input === undefined) return { ok: false, errors: [{ path: '', message: 'expected an object (a sales book), got nothing' }] };
    const shapeErrors = checkJsonShape(input);
    if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors };

    const parsed = SalesBookSchema.safeParse(input);
    const errors = parsed.success ? [] : issuesToErrors(parsed.error.issues, input, SalesBookSchema);
    errors.push(...checkBookRules(input));

    if (parsed.success && errors.length === 0) return { ok: true, book: parsed.data };
    return { ok: false, errors: capErrors(sortErrors(withoutDuplicates(errors), input)) };
  } catch (error) {
    // Only a hostile object (a throwing getter, a proxy) gets here; JSON cannot.
    return { ok: false, errors: [{ path: '', message: `the book could not be read: ${errorText(error)}` }] };
  }
}

/** Size check, JSON parse with line and column, then `validateBook`. */
export function parseBookJson(text: string, options: { maxBytes?: number } = {}): BookValidation {
  const parsed = parseJsonText(text, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BOOK_BYTES });
  return parsed.ok ? validateBook(parsed.value) : parsed;
}

function withoutDuplicates(errors: readonly BookError[]): BookError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- rules across fields, read defensively from raw input -------------------------------------

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(owner: JsonObject, key: string): unknown {
  return Object.hasOwn(owner, key) ? owner[key] : undefined;
}

/** The plain-object items of `owner[key]`, with their indexes, whatever else the list holds. */
function objectsIn(owner: unknown, key: string): Array<[number, JsonObject]> {
  if (!isObject(owner)) return [];
  const list = field(owner, key);
  if (!Array.isArray(list)) return [];
  const found: Array<[number, JsonObject]> = [];
  list.forEach((item: unknown, index) => {
    if (isObject(item)) found.push([index, item]);
  });
  return found;
}

function stringsIn(owner: JsonObject, key: string): string[] {
  const list = field(owner, key);
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

function present(owner: JsonObject, key: string): boolean {
  return field(owner, key) !== undefined;
}

export function checkBookRules(book: unknown): BookError[] {
  if (!isObject(book)) return [];
  return [
    ...checkUniqueIds(book),
    ...checkProgrammes(book),
    ...checkCrossSell(book),
    ...checkQuestionnaires(book),
    ...checkFieldMappings(book),
    ...checkSegments(book),
    ...checkSegmentReferences(book),
    ...checkReferences(book),
    ...checkPlaceholders(book),
  ];
}

function checkUniqueIds(book: JsonObject): BookError[] {
  const errors = [
    ...uniqueValues(objectsIn(book, 'programmes'), ['programmes'], 'id'),
    ...uniqueValues(objectsIn(book, 'crossSell'), ['crossSell'], 'id'),
    ...uniqueValues(objectsIn(book, 'questionnaires'), ['questionnaires'], 'id'),
    ...uniqueValues(objectsIn(book, 'objections'), ['objections'], 'id'),
    ...uniqueValues(objectsIn(book, 'sections'), ['sections'], 'id'),
    ...uniqueValues(objectsIn(book, 'sections'), ['sections'], 'number'),
    ...uniqueValues(objectsIn(book, 'churnReasons'), ['churnReasons'], 'id'),
    ...uniqueValues(objectsIn(book, 'buyerTypes'), ['buyerTypes'], 'id'),
    ...uniqueValues(objectsIn(book, 'loyaltyIdeas'), ['loyaltyIdeas'], 'id'),
    ...uniqueValues(objectsIn(book, 'promotionIdeas'), ['promotionIdeas'], 'id'),
    ...uniqueValues(objectsIn(book, 'segments'), ['segments'], 'id'),
    ...uniqueValues(objectsIn(book, 'crmAdapters'), ['crmAdapters'], 'id'),
  ];
  for (const [index, segment] of objectsIn(book, 'segments')) {
    errors.push(...uniqueValues(objectsIn(segment, 'groups'), ['segments', index, 'groups'], 'id'));
  }
  for (const [index, programme] of objectsIn(book, 'programmes')) {
    errors.push(...uniqueValues(objectsIn(programme, 'touches'), ['programmes', index, 'touches'], 'id'));
  }
  for (const [index, questionnaire] of objectsIn(book, 'questionnaires')) {
    errors.push(...uniqueValues(objectsIn(questionnaire, 'questions'), ['questionnaires', index, 'questions'], 'id'));
  }
  // Tiers may repeat once an offer has more than three options (two premium packages); the same
  // title twice is a copy-and-paste slip.
  for (const [index, rule] of objectsIn(book, 'crossSell')) {
    errors.push(...uniqueValues(objectsIn(rule, 'options'), ['crossSell', index, 'options'], 'title'));
  }
  return errors;
}

function uniqueValues(items: Array<[number, JsonObject]>, listPath: BookPath, key: string): BookError[] {
  const firstAt = new Map<string, number>();
  const errors: BookError[] = [];
  for (const [index, item] of items) {
    const value = field(item, key);
    if (typeof value !== 'string') continue;
    const first = firstAt.get(value);
    if (first === undefined) firstAt.set(value, index);
    else {
      errors.push({
        path: formatPath([...listPath, index, key]),
        message: `duplicate ${key} ${JSON.stringify(value)}: already used by ${formatPath([...listPath, first])}`,
      });
    }
  }
  return errors;
}

function checkProgrammes(book: JsonObject): BookError[] {
  const errors: BookError[] = [];
  for (const [programmeIndex, programme] of objectsIn(book, 'programmes')) {
    const anchor = field(programme, 'anchor');
    const anchorKind = isObject(anchor) ? field(anchor, 'kind') : undefined;
    for (const [touchIndex, touch] of objectsIn(programme, 'touches')) {
      const path: BookPath = ['programmes', programmeIndex, 'touches', touchIndex];
      errors.push(...checkTouchTiming(touch, path, anchorKind));
      const closedBy = field(touch, 'closedBy');
      if (isObject(closedBy) && stringsIn(closedBy, 'products').length === 0 && stringsIn(closedBy, 'categories').length === 0) {
        errors.push({ path: formatPath([...path, 'closedBy']), message: 'expected at least one product or category whose purchase closes the touch' });
      }
      const condition = field(touch, 'condition');
      if (isObject(condition)) errors.push(...checkDayRange(condition, [...path, 'condition'], 'DaysSinceAnchor'));
    }
  }
  return errors;
}

const TIMINGS = ['after', 'window', 'annual', 'before'] as const;

/** Anchors with a date to count back from: a card date, the end of a discount. */
const ANCHORS_WITH_A_DATE: readonly unknown[] = ['customDate', 'discount', 'monthEnd'];

function checkTouchTiming(touch: JsonObject, path: BookPath, anchorKind: unknown): BookError[] {
  const errors: BookError[] = [];
  // "before" the end of a discount, or "after" its start when it has no end.
  const fallback = present(touch, 'before') && present(touch, 'after') && anchorKind === 'discount';
  const timings = TIMINGS.filter((key) => present(touch, key) && !(fallback && key === 'after'));
  if (timings.length !== 1) {
    errors.push({
      path: formatPath(path),
      message:
        timings.length === 0
          ? 'a touch needs exactly one timing: "after" (e.g. "P7D"), "window" ({ "from": "MM-DD", "to": "MM-DD" }), "annual" or "before" (e.g. "P3D")'
          : `a touch needs exactly one timing, but this one has ${timings.map((key) => `"${key}"`).join(' and ')}`,
    });
  }
  if (anchorKind === 'monthEnd' && !present(touch, 'before')) {
    errors.push({
      path: formatPath(path),
      message: 'this programme\'s anchor is "monthEnd", so its touches count back from the end of each month: use "before", e.g. "P14D"',
    });
  }
  if (present(touch, 'after') && anchorKind === 'none') {
    errors.push({
      path: formatPath([...path, 'after']),
      message: 'this programme\'s anchor is "none", so there is no date to count from; use "window" or "annual" instead',
    });
  }
  if (present(touch, 'before') && !ANCHORS_WITH_A_DATE.includes(anchorKind)) {
    errors.push({
      path: formatPath([...path, 'before']),
      message: '"before" counts back from the anchor\'s date, so the anchor must be "customDate", "discount" or "monthEnd"',
    });
  }
  const repeat = field(touch, 'repeatEvery');
  if (repeat !== undefined && !present(touch, 'after')) {
    errors.push({ path: formatPath([...path, 'repeatEvery']), message: '"repeatEvery" only works together with "after"' });
  }
  if (typeof repeat === 'string') {
    const duration = parseIsoDuration(repeat);
    if (duration && isZeroDuration(duration)) {
      errors.push({ path: formatPath([...path, 'repeatEvery']), message: 'expected a duration longer than zero, e.g. "P2M"' });
    }
  }
  const annual = field(touch, 'annual');
  if (isObject(annual)) {
    const kinds = ['date', 'anchorDate', 'holiday', 'nameDay'].filter((key) => present(annual, key));
    if (kinds.length !== 1) {
      errors.push({
        path: formatPath([...path, 'annual']),
        message:
          'expected exactly one of "date" (a fixed "MM-DD"), "holiday" (e.g. "orthodox-easter"), "nameDay": true or "anchorDate": true (the anchor\'s own day, e.g. the birthday)',
      });
    }
    if (present(annual, 'offsetDays') && !present(annual, 'holiday')) {
      errors.push({ path: formatPath([...path, 'annual', 'offsetDays']), message: '"offsetDays" only works together with "holiday"' });
    }
    if (present(annual, 'anchorDate') && anchorKind === 'none') {
      errors.push({
        path: formatPath([...path, 'annual', 'anchorDate']),
        message: 'this programme\'s anchor is "none", so it has no date of its own; use "date": "MM-DD"',
      });
    }
  }
  return errors;
}

function checkDayRange(condition: JsonObject, path: BookPath, suffix: string): BookError[] {
  const min = field(condition, `min${suffix}`);
  const max = field(condition, `max${suffix}`);
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    return [{ path: formatPath([...path, `max${suffix}`]), message: `must not be smaller than min${suffix} (${min})` }];
  }
  return [];
}

function checkCrossSell(book: JsonObject): BookError[] {
  const errors: BookError[] = [];
  for (const [index, rule] of objectsIn(book, 'crossSell')) {
    for (const side of ['core', 'offers'] as const) {
      const set = field(rule, side);
      if (isObject(set) && stringsIn(set, 'products').length === 0 && stringsIn(set, 'categories').length === 0) {
        errors.push({ path: formatPath(['crossSell', index, side]), message: 'expected at least one product or category' });
      }
    }
    const condition = field(rule, 'condition');
    if (isObject(condition)) errors.push(...checkDayRange(condition, ['crossSell', index, 'condition'], 'DaysSincePurchase'));
  }
  return errors;
}

function checkQuestionnaires(book: JsonObject): BookError[] {
  const errors: BookError[] = [];
  for (const [questionnaireIndex, questionnaire] of objectsIn(book, 'questionnaires')) {
    for (const [questionIndex, question] of objectsIn(questionnaire, 'questions')) {
      const followUp = field(question, 'followUp');
      const when = isObject(followUp) ? field(followUp, 'when') : undefined;
      if (!isObject(when)) continue;
      const path: BookPath = ['questionnaires', questionnaireIndex, 'questions', questionIndex, 'followUp', 'when'];
      errors.push(...checkFollowUpWhen(when, field(question, 'answer'), path));
    }
  }
  return errors;
}

function checkFollowUpWhen(when: JsonObject, answer: unknown, path: BookPath): BookError[] {
  const conditions = ['ratingBelow', 'ratingEquals', 'choiceIs'].filter((key) => present(when, key));
  if (conditions.length !== 1) {
    return [{ path: formatPath(path), message: 'expected exactly one of "ratingBelow", "ratingEquals" or "choiceIs"' }];
  }
  const answerType = isObject(answer) ? field(answer, 'type') : undefined;
  const condition = conditions[0] as string;
  if (condition !== 'choiceIs' && answerType !== 'rating') {
    return [{ path: formatPath([...path, condition]), message: `"${condition}" needs a rating answer ("answer": { "type": "rating" })` }];
  }
  if (condition === 'choiceIs') {
    if (answerType !== 'choice' || !isObject(answer)) {
      return [{ path: formatPath([...path, condition]), message: '"choiceIs" needs a choice answer ("answer": { "type": "choice", "choices": [...] })' }];
    }
    const choice = field(when, 'choiceIs');
    if (typeof choice === 'string' && !stringsIn(answer, 'choices').includes(choice)) {
      return [{ path: formatPath([...path, condition]), message: `expected one of the question's choices, got ${JSON.stringify(choice)}` }];
    }
  }
  return [];
}

function checkFieldMappings(book: JsonObject): BookError[] {
  const mappings = field(book, 'fieldMappings');
  if (!isObject(mappings)) return [];
  const errors: BookError[] = [];
  for (const origin of Object.keys(mappings)) {
    for (const [index, mapping] of objectsIn(mappings, origin)) {
      if (!present(mapping, 'selector') && !present(mapping, 'label')) {
        errors.push({ path: formatPath(['fieldMappings', origin, index]), message: 'expected a "selector", a "label" or both' });
      }
    }
  }
  return errors;
}

/**
 * A segment's groups are its call order, so each must start below the one before: with "A" from
 * 10 machines and "B" from 3, a farm with 12 is plainly A. Groups out of order or sharing a
 * minimum usually mean a typo, and the call list would not read the way the book does.
 */
function checkSegments(book: JsonObject): BookError[] {
  const errors: BookError[] = [];
  for (const [segmentIndex, segment] of objectsIn(book, 'segments')) {
    let previous: { min: number; index: number } | null = null;
    for (const [groupIndex, group] of objectsIn(segment, 'groups')) {
      const min = field(group, 'min');
      if (typeof min !== 'number') continue;
      if (previous && min >= previous.min) {
        errors.push({
          path: formatPath(['segments', segmentIndex, 'groups', groupIndex, 'min']),
          message: `groups are listed in call order, largest first: expected a "min" below ${previous.min} (the "min" of ${formatPath(['segments', segmentIndex, 'groups', previous.index])}), got ${min}`,
        });
      }
      previous = { min, index: groupIndex };
    }
  }
  return errors;
}

/** Segment references: a programme's call-list order and the groups a touch condition names. */
function checkSegmentReferences(book: JsonObject): BookError[] {
  const groupsBySegment = new Map<string, unknown[]>();
  for (const [, segment] of objectsIn(book, 'segments')) {
    const id = field(segment, 'id');
    if (typeof id === 'string') groupsBySegment.set(id, objectsIn(segment, 'groups').map(([, group]) => field(group, 'id')));
  }
  const known = () => (groupsBySegment.size ? `; known segments: ${[...groupsBySegment.keys()].join(', ')}` : '; the book defines no "segments"');
  const errors: BookError[] = [];
  for (const [programmeIndex, programme] of objectsIn(book, 'programmes')) {
    const order = field(programme, 'callListOrder');
    if (typeof order === 'string' && !groupsBySegment.has(order)) {
      errors.push({ path: formatPath(['programmes', programmeIndex, 'callListOrder']), message: `no segment has the id ${JSON.stringify(order)}${known()}` });
    }
    for (const [touchIndex, touch] of objectsIn(programme, 'touches')) {
      const condition = field(touch, 'condition');
      const wanted = isObject(condition) ? field(condition, 'segments') : undefined;
      if (!isObject(wanted)) continue;
      const path: BookPath = ['programmes', programmeIndex, 'touches', touchIndex, 'condition', 'segments'];
      for (const segmentId of Object.keys(wanted)) {
        const groups = groupsBySegment.get(segmentId);
        if (!groups) {
          errors.push({ path: formatPath([...path, segmentId]), message: `no segment has the id ${JSON.stringify(segmentId)}${known()}` });
          continue;
        }
        stringsIn(wanted, segmentId).forEach((groupId, position) => {
          if (!groups.includes(groupId)) {
            errors.push({
              path: formatPath([...path, segmentId, position]),
              message: `segment ${JSON.stringify(segmentId)} has no group ${JSON.stringify(groupId)}; its groups: ${groups.filter((id) => typeof id === 'string').join(', ')}`,
            });
          }
        });
      }
    }
  }
  return errors;
}

function checkReferences(book: JsonObject): BookError[] {
  const idsOf = (key: string) => new Set(objectsIn(book, key).map(([, item]) => field(item, 'id')));
  const objectionIds = idsOf('objections');
  const programmeIds = idsOf('programmes');
  const errors: BookError[] = [];
  for (const [index, reason] of objectsIn(book, 'churnReasons')) {
    for (const [key, known, what] of [
      ['suggestObjectionIds', objectionIds, 'objection'],
      ['suggestProgrammeIds', programmeIds, 'programme'],
    ] as const) {
      stringsIn(reason, key).forEach((id, position) => {
        if (!known.has(id)) {
          errors.push({ path: formatPath(['churnReasons', index, key, position]), message: `no ${what} has the id ${JSON.stringify(id)}` });
        }
      });
    }
  }
  for (const [programmeIndex, programme] of objectsIn(book, 'programmes')) {
    for (const [touchIndex, touch] of objectsIn(programme, 'touches')) {
      const yieldsTo = field(touch, 'yieldsTo');
      if (typeof yieldsTo === 'string' && !programmeIds.has(yieldsTo)) {
        errors.push({ path: formatPath(['programmes', programmeIndex, 'touches', touchIndex, 'yieldsTo']), message: `no programme has the id ${JSON.stringify(yieldsTo)}` });
      }
    }
  }
  return errors;
}

/**
 * Every text in the book may carry placeholders, so every text is checked; field mappings hold
 * CSS selectors, not prose, and are skipped. The data is known to be shallow by now (pass 1).
 */
export function checkPlaceholders(root: unknown): BookError[] {
  const errors: BookError[] = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: Array<string | number> };
    if (typeof value === 'string') {
      if (value.length <= BOOK_LIMITS.script) errors.push(...placeholderErrors(value, path));
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => stack.push({ value: item, path: [...path, index] }));
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        if (path.length === 0 && (key === 'fieldMappings' || key === 'crmAdapters' || key === 'crmLabels' || key === '$schema')) continue;
        stack.push({ value: value[key], path: [...path, key] });
      }
    }
  }
  return errors;
}

function placeholderErrors(text: string, path: BookPath): BookError[] {
  return findUnknownPlaceholders(text).map((match) => {
    const suggestion = suggestPlaceholder(match.name);
    const hint = suggestion ? `did you mean {{${suggestion}}}?` : `known placeholders: ${PLACEHOLDER_NAMES.join(', ')}`;
    return { path: formatPath(path), message: `unknown placeholder {{${match.name}}}; ${hint}` };
  });
}

// ---- advice for a valid book -------------------------------------------------------------------

export type BookWarning = BookError;

const LEVEL_ORDER = { opening: 0, core: 1, closing: 2 } as const;

/**
 * What the methodology recommends but a valid book may still skip: at least ten negotiation
 * questions from easy to hard to "yes", at least three options per offer, several phrasings per objection.
 */
export function lintBook(book: SalesBook): BookWarning[] {
  const warnings: BookWarning[] = [];
  book.questionnaires.forEach((questionnaire, index) => {
    if (questionnaire.kind === 'negotiation' && questionnaire.questions.length < 10) {
      warnings.push({ path: `questionnaires[${index}].questions`, message: `only ${questionnaire.questions.length} questions; with fewer than 10 details get missed and the meeting looks unprepared` });
    }
    const outOfOrder = questionnaire.questions.findIndex(
      (question, position) => position > 0 && LEVEL_ORDER[question.level] < LEVEL_ORDER[questionnaire.questions[position - 1]?.level ?? 'opening'],
    );
    if (outOfOrder > 0) {
      warnings.push({ path: `questionnaires[${index}].questions[${outOfOrder}].level`, message: 'questions should go from opening to core to closing' });
    }
    if (questionnaire.kind === 'feedback' && !questionnaire.questions.some((question) => question.answer.type === 'rating')) {
      warnings.push({ path: `questionnaires[${index}]`, message: 'a feedback questionnaire works best with at least one 1-5 rating question' });
    }
  });
  book.crossSell.forEach((rule, index) => {
    if (rule.options.length < 3) {
      warnings.push({ path: `crossSell[${index}].options`, message: `only ${rule.options.length} options; offer at least three (standard, professional, premium) and say what differs` });
    }
  });
  book.objections.forEach((objection, index) => {
    if (objection.phrasings.length < 2) {
      warnings.push({ path: `objections[${index}].phrasings`, message: 'add a few more ways clients say this, so search finds it' });
    }
  });
  warnings.push(...lintCrmSelectors(book));
  book.programmes.forEach((programme, programmeIndex) => {
    programme.touches.forEach((touch, touchIndex) => {
      if (touch.script.trim() === '') {
        warnings.push({ path: `programmes[${programmeIndex}].touches[${touchIndex}].script`, message: 'this touch has no script yet' });
      }
    });
  });
  return warnings;
}

/** Selectors no browser would parse: the reader skips them, so the team lead hears it here. */
function lintCrmSelectors(book: SalesBook): BookWarning[] {
  const warnings: BookWarning[] = [];
  const check = (selector: string, path: BookPath) => {
    const problem = selectorSyntaxProblem(selector);
    if (problem) warnings.push({ path: formatPath(path), message: `not a CSS selector (${problem}); the reader skips it` });
  };
  (book.crmAdapters ?? []).forEach((profile, index) => {
    if (profile.scope !== undefined) check(profile.scope, ['crmAdapters', index, 'scope']);
    profile.title?.forEach((selector, position) => check(selector, ['crmAdapters', index, 'title', position]));
    for (const [fieldName, selectors] of Object.entries(profile.fields)) {
      selectors?.forEach((selector, position) => check(selector, ['crmAdapters', index, 'fields', fieldName, position]));
    }
  });
  return warnings;
}
