// Reading attribute values the way the collector's pcommon.Value accessors do (Str(), Int(), AsRaw()).
import type { AnnotationValue } from '../../segment-document.ts';

/** `Value.Str()`: the string, or `""` for any other type. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `Value.Int()`: an integer (number or bigint), or 0 for any other type (doubles and strings give 0). */
export function int(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : 0;
  if (typeof value === 'bigint') return Number(value);
  return 0;
}

/** `Value.AsString()`: ints and doubles in decimal, booleans as `true`/`false`, strings as is. */
export function asString(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return '';
  }
}

/** The annotation value of a scalar (string, int, double, bool); `undefined` for others. */
export function annotationValue(value: unknown): AnnotationValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    default:
      return undefined;
  }
}

/**
 * `Value.AsRaw()` made JSON-safe: scalars as is, bigint as a number (or a string when unsafe),
 * bytes as base64 (what Go's encoding/json does with []byte), arrays and maps recursively;
 * `undefined`/`null` (an empty value) gives `undefined` so the caller skips it.
 */
export function rawValue(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'object':
      return value === null ? undefined : rawObject(value);
    default:
      return undefined;
  }
}

function rawObject(value: object): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = rawValue(value[i]);
      out[i] = item === undefined ? null : item;
    }
    return out;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = rawValue((value as Record<string, unknown>)[key]);
    if (item !== undefined) out[key] = item;
  }
  return out;
}
