import { formatPath, type BookError } from './errors';

/**
 * A cheap first look at untrusted data before any schema walks it: how deep, how many values,
 * how long the lists, whether it is plain JSON at all. It runs with an explicit stack, so a file
 * nested ten thousand levels deep is reported, not a stack overflow.
 */
export interface JsonShapeLimits {
  maxDepth: number;
  maxNodes: number;
  maxArrayLength: number;
  maxKeysPerObject: number;
}

/** Generous for any real book (the default books are about 40 levels shallower and 100× smaller). */
export const DEFAULT_SHAPE_LIMITS: JsonShapeLimits = {
  maxDepth: 48,
  maxNodes: 500_000,
  maxArrayLength: 20_000,
  maxKeysPerObject: 2_000,
};

/** Keys that mean something to JavaScript objects; data has no business carrying them. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__']);

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: string | number | null;
}

export function checkJsonShape(root: unknown, limits: JsonShapeLimits = DEFAULT_SHAPE_LIMITS): BookError[] {
  const errors: BookError[] = [];
  const stack: Frame[] = [{ value: root, depth: 0, parent: null, key: null }];
  let nodes = 0;

  while (stack.length > 0 && errors.length < 20) {
    const frame = stack.pop() as Frame;
    if (++nodes > limits.maxNodes) {
      errors.push({ path: '', message: `too large: more than ${limits.maxNodes} values in one document` });
      break;
    }
    const { value } = frame;
    // An undefined property is an absent one (JSON has no undefined); the schema decides if it may be.
    if (value === undefined && frame.parent !== null) continue;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) errors.push({ path: pathOf(frame), message: 'expected a finite number' });
      continue;
    }
    if (typeof value !== 'object') {
      errors.push({ path: pathOf(frame), message: `expected JSON data, got a ${typeof value}` });
      continue;
    }
    if (frame.depth >= limits.maxDepth) {
      errors.push({ path: pathOf(frame), message: `nested too deeply: at most ${limits.maxDepth} levels are allowed` });
      break;
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        errors.push({ path: pathOf(frame), message: `too many items: at most ${limits.maxArrayLength} in any list (this list has ${value.length})` });
        continue;
      }
      for (let index = value.length - 1; index >= 0; index--) {
        stack.push({ value: value[index], depth: frame.depth + 1, parent: frame, key: index });
      }
      continue;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      errors.push({ path: pathOf(frame), message: 'expected plain JSON data, got an object of another kind' });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.maxKeysPerObject) {
      errors.push({ path: pathOf(frame), message: `too many fields: at most ${limits.maxKeysPerObject} in one object` });
      continue;
    }
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push({ path: pathOf({ value: null, depth: 0, parent: frame, key }), message: `the key ${JSON.stringify(key)} is not allowed` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], depth: frame.depth + 1, parent: frame, key });
    }
  }
  return errors;
}

function pathOf(frame: Frame): string {
  const segments: Array<string | number> = [];
  for (let current: Frame | null = frame; current && current.key !== null; current = current.parent) {
    segments.push(current.key);
  }
  return formatPath(segments.reverse());
}
