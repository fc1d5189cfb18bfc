import type { ProblemList } from './problems.ts';

// Field-level checks mirroring spec/xray-segment-schema.json's $defs.

const HEX_ID = /^[0-9a-f]{16}$/;
const TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
const ENTITY_NAME = /^[\p{L}\p{N}\p{Z}_.:/%&#=+\\@-]+$/u;
const ANNOTATION_KEY = /^[A-Za-z0-9_.]{1,500}$/;

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkHexId(value: unknown, path: string, p: ProblemList): void {
  if (typeof value !== 'string' || !HEX_ID.test(value))
    p.add(path, 'must be 16 lowercase hex digits');
}

export function checkTraceId(value: unknown, path: string, p: ProblemList): void {
  if (typeof value !== 'string' || !TRACE_ID.test(value))
    p.add(path, 'must be a trace ID 1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx (lowercase hex)');
}

export function checkName(value: unknown, path: string, p: ProblemList): void {
  if (typeof value !== 'string' || value.length === 0)
    return p.add(path, 'must be a non-empty string');
  if ([...value].length > 200) return p.add(path, 'must be at most 200 characters');
  if (!ENTITY_NAME.test(value))
    p.add(path, 'may contain only letters, digits, whitespace and _ . : / % & # = + \\ - @');
}

export function checkEpoch(value: unknown, path: string, p: ProblemList): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    p.add(path, 'must be epoch seconds (a non-negative number)');
}

export function checkType(
  value: unknown,
  type: 'string' | 'boolean' | 'object' | 'array',
  path: string,
  p: ProblemList,
): void {
  const ok =
    type === 'array'
      ? Array.isArray(value)
      : type === 'object'
        ? isObject(value)
        : typeof value === type;
  if (!ok) p.add(path, `must be ${type === 'array' || type === 'object' ? 'an' : 'a'} ${type}`);
}

export function checkInteger(value: unknown, path: string, p: ProblemList, min?: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return p.add(path, 'must be an integer');
  if (min !== undefined && value < min) p.add(path, `must be ≥ ${min}`);
}

export function checkString250(value: unknown, path: string, p: ProblemList): void {
  if (typeof value !== 'string') return p.add(path, 'must be a string');
  if ([...value].length > 250) p.add(path, 'must be at most 250 characters');
}

export function checkNullableString(value: unknown, path: string, p: ProblemList): void {
  if (value !== null && typeof value !== 'string') p.add(path, 'must be a string or null');
}

export function checkAnnotations(value: unknown, path: string, p: ProblemList): void {
  if (!isObject(value)) return p.add(path, 'must be an object');
  for (const [key, v] of Object.entries(value)) {
    if (!ANNOTATION_KEY.test(key))
      p.add(`${path}/${key}`, 'annotation keys may contain only A-Z a-z 0-9 _ . (1..500)');
    const ok =
      (typeof v === 'string' && [...v].length <= 1000) ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v));
    if (!ok)
      p.add(`${path}/${key}`, 'annotation values must be a string (≤ 1000), a number or a boolean');
  }
}

/** Checks optional `props` of `obj` with the given checkers. */
export function checkProps(
  obj: Record<string, unknown>,
  path: string,
  p: ProblemList,
  checks: Record<string, (value: unknown, path: string, p: ProblemList) => void>,
): void {
  for (const [key, check] of Object.entries(checks)) {
    if (obj[key] !== undefined) check(obj[key], `${path}/${key}`, p);
  }
}
