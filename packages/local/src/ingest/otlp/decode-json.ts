import type { OtlpAttributes, OtlpResourceSpans, OtlpSpan, OtlpValue } from './otlp-model.ts';

/** Thrown for OTLP/JSON that is not an `ExportTraceServiceRequest`. */
export class OtlpJsonError extends Error {}

type Json = Record<string, unknown>;
const MAX_DEPTH = 32;
const KINDS: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const CODES: Record<string, number> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

/**
 * Decodes an OTLP/JSON `ExportTraceServiceRequest` (hex IDs, nanosecond times as strings or
 * numbers, enums as numbers or names). Throws {@link OtlpJsonError} for the wrong shape.
 */
export function decodeJsonTraces(text: string): OtlpResourceSpans[] {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new OtlpJsonError(`invalid JSON: ${(error as Error).message}`);
  }
  if (!isObj(root)) throw new OtlpJsonError('the body must be a JSON object');
  return arr(root.resourceSpans).map((rs) => {
    const resource = attributes(isObj(rs.resource) ? rs.resource.attributes : undefined, 0);
    const spans: OtlpSpan[] = [];
    for (const ss of [...arr(rs.scopeSpans), ...arr(rs.instrumentationLibrarySpans)]) {
      const s = isObj(ss.scope)
        ? ss.scope
        : isObj(ss.instrumentationLibrary)
          ? ss.instrumentationLibrary
          : {};
      const scope: OtlpSpan['scope'] = { name: str(s.name) };
      if (typeof s.version === 'string') scope.version = s.version;
      for (const sp of arr(ss.spans)) spans.push(span(sp, scope));
    }
    return { resource, spans };
  });
}

function span(s: Json, scope: OtlpSpan['scope']): OtlpSpan {
  const status = isObj(s.status) ? s.status : {};
  return {
    traceId: str(s.traceId).toLowerCase(),
    spanId: str(s.spanId).toLowerCase(),
    parentSpanId: str(s.parentSpanId).toLowerCase(),
    name: str(s.name),
    kind: enumValue(s.kind, KINDS),
    startNs: nanos(s.startTimeUnixNano),
    endNs: nanos(s.endTimeUnixNano),
    attributes: attributes(s.attributes, 0),
    events: arr(s.events).map((e) => ({
      timeNs: nanos(e.timeUnixNano),
      name: str(e.name),
      attributes: attributes(e.attributes, 0),
    })),
    links: arr(s.links).map((l) => ({
      traceId: str(l.traceId).toLowerCase(),
      spanId: str(l.spanId).toLowerCase(),
      attributes: attributes(l.attributes, 0),
    })),
    status: {
      code: enumValue(status.code, CODES),
      ...(typeof status.message === 'string' ? { message: status.message } : {}),
    },
    scope,
  };
}

/** Decodes a JSON `KeyValue` list; values nested deeper than 32 levels throw. */
export function attributes(list: unknown, depth: number): OtlpAttributes {
  const out: OtlpAttributes = {};
  for (const kv of arr(list)) out[str(kv.key)] = anyValue(kv.value, depth + 1);
  return out;
}

/** Decodes a JSON `AnyValue`; values nested deeper than 32 levels throw. */
export function anyValue(v: unknown, depth: number): OtlpValue {
  if (depth > MAX_DEPTH) throw new OtlpJsonError('attribute values nested too deeply');
  if (!isObj(v)) return undefined;
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (v.intValue !== undefined) {
    const n = typeof v.intValue === 'string' ? BigInt(v.intValue.trim() || '0') : v.intValue;
    if (typeof n === 'bigint')
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(n)
        : n;
    return typeof n === 'number' ? n : undefined;
  }
  if (v.doubleValue !== undefined) return Number(v.doubleValue);
  if (isObj(v.arrayValue)) return arr(v.arrayValue.values).map((x) => anyValue(x, depth + 1));
  if (isObj(v.kvlistValue)) return attributes(v.kvlistValue.values, depth);
  if (typeof v.bytesValue === 'string') return new Uint8Array(Buffer.from(v.bytesValue, 'base64'));
  return undefined;
}

/** A nanosecond time given as a string or number; 0 when absent. */
export function nanos(v: unknown): bigint {
  try {
    if (typeof v === 'string' && v.trim() !== '') return BigInt(v.trim());
    if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
  } catch {
    throw new OtlpJsonError(`invalid time: ${String(v)}`);
  }
  return 0n;
}

/** An enum given as a number or by name; 0 when unknown. */
export function enumValue(v: unknown, names: Record<string, number>): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') return names[v] ?? 0;
  return 0;
}

/** True for a JSON object (not null, not an array). */
export function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The objects of a JSON array; [] for anything else. */
export function arr(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObj) : [];
}

/** A JSON string, or '' for anything else. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
