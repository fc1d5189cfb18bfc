import type { LogJson } from '../../store/stored-log-record.ts';
import type { OtlpAttributes, OtlpValue } from './otlp-model.ts';

/**
 * A decoded OTLP value as plain JSON: bigints become decimal strings, bytes base64, a missing
 * value null; arrays and maps keep their shape. Pure.
 */
export function jsonSafe(value: OtlpValue): LogJson {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonSafe);
  return jsonSafeAttributes(value);
}

/** An attribute map as plain JSON (see {@link jsonSafe}). */
export function jsonSafeAttributes(attributes: OtlpAttributes): Record<string, LogJson> {
  const out: Record<string, LogJson> = {};
  for (const [key, value] of Object.entries(attributes)) out[key] = jsonSafe(value);
  return out;
}
