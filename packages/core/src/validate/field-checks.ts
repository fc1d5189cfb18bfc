import type { ProblemList } from './problems.ts';

// Field-level checks mirroring spec/xray-segment-schema.json's $defs. A check gets the value, the
// path of its parent and its own key: the path string is only built when a problem is recorded,
// so a valid document allocates nothing here (validation sits on the local X-Ray's ingest path).

/** Checks `value`, found under `key` of the object at `at`. */
export type Check = (value: unknown, at: string, key: string | number, p: ProblemList) => void;

const HEX_ID = /^[0-9a-f]{16}$/;
const TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
const ENTITY_NAME = /^[\p{L}\p{N}\p{Z}_.:/%&#=+\\@-]+$/u;
const ASCII_NAME = /^[A-Za-z0-9 _.:/%&#=+\\@-]+$/;
const ANNOTATION_KEY = /^[A-Za-z0-9_.]{1,500}$/;

/** The path of `key` under `at`. */
export function pathOf(at: string, key: string | number): string {
  return `${at}/${key}`;
}

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length in code points (as JSON Schema counts), cheap for strings without surrogates. */
function codePoints(s: string, limit: number): number {
  if (s.length <= limit) return s.length; // code points ≤ UTF-16 units
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export const checkHexId: Check = (v, at, key, p) => {
  if (typeof v !== 'string' || !HEX_ID.test(v))
    p.add(pathOf(at, key), 'must be 16 lowercase hex digits');
};

export const checkTraceId: Check = (v, at, key, p) => {
  if (typeof v !== 'string' || !TRACE_ID.test(v)) {
    p.add(
      pathOf(at, key),
      'must be a trace ID 1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx (lowercase hex)',
    );
  }
};

export const checkName: Check = (v, at, key, p) => {
  if (typeof v !== 'string' || v.length === 0)
    return p.add(pathOf(at, key), 'must be a non-empty string');
  if (codePoints(v, 200) > 200) return p.add(pathOf(at, key), 'must be at most 200 characters');
  if (!ASCII_NAME.test(v) && !ENTITY_NAME.test(v)) {
    p.add(
      pathOf(at, key),
      'may contain only letters, digits, whitespace and _ . : / % & # = + \\ - @',
    );
  }
};

export const checkEpoch: Check = (v, at, key, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    p.add(pathOf(at, key), 'must be epoch seconds (a non-negative number)');
  }
};

export const checkString: Check = (v, at, key, p) => {
  if (typeof v !== 'string') p.add(pathOf(at, key), 'must be a string');
};

export const checkBoolean: Check = (v, at, key, p) => {
  if (typeof v !== 'boolean') p.add(pathOf(at, key), 'must be a boolean');
};

export const checkObject: Check = (v, at, key, p) => {
  if (!isObject(v)) p.add(pathOf(at, key), 'must be an object');
};

export const checkInteger: Check = (v, at, key, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) p.add(pathOf(at, key), 'must be an integer');
};

export const checkNonNegativeInteger: Check = (v, at, key, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v))
    return p.add(pathOf(at, key), 'must be an integer');
  if (v < 0) p.add(pathOf(at, key), 'must be ≥ 0');
};

export const checkString250: Check = (v, at, key, p) => {
  if (typeof v !== 'string') return p.add(pathOf(at, key), 'must be a string');
  if (codePoints(v, 250) > 250) p.add(pathOf(at, key), 'must be at most 250 characters');
};

export const checkNullableString: Check = (v, at, key, p) => {
  if (v !== null && typeof v !== 'string') p.add(pathOf(at, key), 'must be a string or null');
};

export const checkNullableInteger: Check = (v, at, key, p) => {
  if (v !== null) checkInteger(v, at, key, p);
};

export const checkAnnotations: Check = (v, at, key, p) => {
  if (!isObject(v)) return p.add(pathOf(at, key), 'must be an object');
  for (const name in v) {
    const value = v[name];
    if (!ANNOTATION_KEY.test(name)) {
      p.add(
        pathOf(pathOf(at, key), name),
        'annotation keys may contain only A-Z a-z 0-9 _ . (1..500)',
      );
    }
    const ok =
      (typeof value === 'string' && codePoints(value, 1000) <= 1000) ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!ok)
      p.add(
        pathOf(pathOf(at, key), name),
        'annotation values must be a string (≤ 1000), a number or a boolean',
      );
  }
};

/** An array whose items all pass `item`. */
export function arrayOf(item: Check): Check {
  return (v, at, key, p) => {
    if (!Array.isArray(v)) return p.add(pathOf(at, key), 'must be an array');
    if (v.length === 0) return;
    const path = pathOf(at, key);
    for (let i = 0; i < v.length; i++) item(v[i], path, i, p);
  };
}

/** Known properties of an object, each with its check (unknown properties are allowed). */
export type Shape = ReadonlyArray<readonly [string, Check]>;

/** Runs the checks of `shape` on the properties of `obj` that are present. */
export function checkShape(
  obj: Record<string, unknown>,
  at: string,
  shape: Shape,
  p: ProblemList,
): void {
  for (let i = 0; i < shape.length; i++) {
    const [key, check] = shape[i]!;
    const value = obj[key];
    if (value !== undefined) check(value, at, key, p);
  }
}

/** An object whose listed properties are checked (unknown properties allowed). */
export function objectOf(shape: Shape): Check {
  return (v, at, key, p) => {
    if (!isObject(v)) return p.add(pathOf(at, key), 'must be an object');
    checkShape(v, pathOf(at, key), shape, p);
  };
}
