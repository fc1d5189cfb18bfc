// Readers for request members: each throws InvalidRequestException in AWS's wording when a
// member is missing or has the wrong type. Unknown members are ignored.
import { invalidRequest } from '../errors.ts';

/** A decoded JSON request body. */
export type Body = Record<string, unknown>;

function missing(key: string): never {
  throw invalidRequest(
    `1 validation error detected: Value null at '${key}' failed to satisfy constraint: Member must not be null`,
  );
}

function constraint(key: string, rule: string): never {
  throw invalidRequest(
    `1 validation error detected: Value at '${key}' failed to satisfy constraint: ${rule}`,
  );
}

/** An epoch-seconds timestamp (number, numeric string or ISO-8601 string). */
export function timestamp(body: Body, key: string, required: true): number;
export function timestamp(body: Body, key: string, required?: boolean): number | undefined;
export function timestamp(body: Body, key: string, required = false): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return required ? missing(key) : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
    const ms = Date.parse(v);
    if (Number.isFinite(ms)) return ms / 1000;
  }
  return constraint(key, 'Member must be a timestamp');
}

/** A string member with optional length bounds. */
export function text(
  body: Body,
  key: string,
  opts: { required: true; min?: number; max?: number },
): string;
export function text(
  body: Body,
  key: string,
  opts?: { required?: boolean; min?: number; max?: number },
): string | undefined;
export function text(
  body: Body,
  key: string,
  opts: { required?: boolean; min?: number; max?: number } = {},
): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return opts.required === true ? missing(key) : undefined;
  if (typeof v !== 'string') return constraint(key, 'Member must be a string');
  if (opts.min !== undefined && v.length < opts.min)
    constraint(key, `Member must have length greater than or equal to ${opts.min}`);
  if (opts.max !== undefined && v.length > opts.max)
    constraint(key, `Member must have length less than or equal to ${opts.max}`);
  return v;
}

/** A boolean member. */
export function flag(body: Body, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') return constraint(key, 'Member must be a boolean');
  return v;
}

/** An integer member with optional bounds. */
export function integer(
  body: Body,
  key: string,
  opts: { min?: number; max?: number } = {},
): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v))
    return constraint(key, 'Member must be an integer');
  if (opts.min !== undefined && v < opts.min)
    constraint(key, `Member must have value greater than or equal to ${opts.min}`);
  if (opts.max !== undefined && v > opts.max)
    constraint(key, `Member must have value less than or equal to ${opts.max}`);
  return v;
}

/** A list member. */
export function list(body: Body, key: string, required: true): unknown[];
export function list(body: Body, key: string, required?: boolean): unknown[] | undefined;
export function list(body: Body, key: string, required = false): unknown[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return required ? missing(key) : undefined;
  if (!Array.isArray(v)) return constraint(key, 'Member must be a list');
  return v;
}

/** An object member. */
export function struct(body: Body, key: string): Body | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v))
    return constraint(key, 'Member must be a structure');
  return v as Body;
}
