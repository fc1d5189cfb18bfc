// Input checks for decoded JSON bodies. Failures read like the service's own validation messages
// ("Value '…' at 'samplingRule.priority' failed to satisfy constraint: …").
import { invalidRequest } from '../errors.ts';

/** A decoded JSON object. */
export type JsonObject = Record<string, unknown>;

function fail(value: unknown, path: string, constraint: string): never {
  throw invalidRequest(
    `1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ${constraint}`,
  );
}

/** The body as an object; an empty body (`undefined`, `null`, `""`) counts as `{}`. */
export function asObject(input: unknown, path = 'body'): JsonObject {
  if (input === undefined || input === null || input === '') return {};
  if (typeof input !== 'object' || Array.isArray(input))
    fail(input, path, 'Member must be an object');
  return input as JsonObject;
}

/** A string member of length min..max, or `undefined` when absent. */
export function optionalString(
  obj: JsonObject,
  key: string,
  path: string,
  max: number,
  min = 0,
): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(value, path, 'Member must be a string');
  if (value.length < min)
    fail(value, path, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) fail(value, path, `Member must have length less than or equal to ${max}`);
  return value;
}

/** A required string member of length min..max. */
export function requiredString(
  obj: JsonObject,
  key: string,
  path: string,
  max: number,
  min = 0,
): string {
  const value = optionalString(obj, key, path, max, min);
  if (value === undefined) fail(null, path, 'Member must not be null');
  return value;
}

/** A number member in min..max (an integer when `integer`), or `undefined` when absent. */
export function optionalNumber(
  obj: JsonObject,
  key: string,
  path: string,
  min: number,
  max = Number.POSITIVE_INFINITY,
  integer = false,
): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(value, path, 'Member must be a number');
  if (integer && !Number.isInteger(value)) fail(value, path, 'Member must be an integer');
  if (value < min) fail(value, path, `Member must have value greater than or equal to ${min}`);
  if (value > max) fail(value, path, `Member must have value less than or equal to ${max}`);
  return value;
}

/** A required number member in min..max. */
export function requiredNumber(
  obj: JsonObject,
  key: string,
  path: string,
  min: number,
  max = Number.POSITIVE_INFINITY,
  integer = false,
): number {
  const value = optionalNumber(obj, key, path, min, max, integer);
  if (value === undefined) fail(null, path, 'Member must not be null');
  return value;
}

/** An array member of at most `max` items, or `undefined` when absent. */
export function optionalArray(
  obj: JsonObject,
  key: string,
  path: string,
  max: number,
): unknown[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail(value, path, 'Member must be a list');
  if (value.length > max)
    fail(value.length, path, `Member must have length less than or equal to ${max}`);
  return value as unknown[];
}
