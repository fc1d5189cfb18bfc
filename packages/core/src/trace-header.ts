import { parseTraceId, normalizeSegmentId, type XRayTraceId } from './ids.ts';

/** Name of the HTTP header (lowercase; header names are case-insensitive). */
export const TRACE_HEADER_NAME = 'x-amzn-trace-id';
/** Longest header value we parse; longer values are refused before any parsing. */
export const MAX_TRACE_HEADER_LENGTH = 4096;
/** Most `key=value` fields we parse. */
export const MAX_TRACE_HEADER_FIELDS = 32;

/** The upstream sampling decision: `1` sampled, `0` not, `?` asks the receiver to decide. */
export type SampledFlag = '0' | '1' | '?';

/** A parsed `X-Amzn-Trace-Id` value. */
export interface TraceHeader {
  /** `Root`: trace ID, lowercased. */
  root?: XRayTraceId;
  /** `Parent`: the caller's (sub)segment ID, lowercased. */
  parent?: string;
  /** `Sampled`: absent means undecided (the receiver applies its own rules). */
  sampled?: SampledFlag;
  /** `Lineage`: loop-detection data appended by Lambda and other AWS services; opaque, forwarded unchanged. */
  lineage?: string;
  /** `Self`: written by ALB; read, never re-emitted by SDKs. */
  self?: XRayTraceId;
  /** Other fields, in their original order and spelling. */
  extra: Array<[key: string, value: string]>;
}

/** The result of {@link parseTraceHeader}: the header, or why it was refused. */
export type TraceHeaderResult = { ok: true; header: TraceHeader } | { ok: false; reason: string };

const refuse = (reason: string): TraceHeaderResult => ({ ok: false, reason });

/**
 * Parses an `X-Amzn-Trace-Id` value. Field order, whitespace around fields, key case and a
 * trailing `;` are accepted (as the X-Ray SDKs do); an invalid `Root`, `Parent`, `Self` or
 * `Sampled`, a field without `=`, an over-long value or too many fields refuse the whole header.
 * A repeated key: the last one wins. Never throws.
 * @example parseTraceHeader('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1')
 */
export function parseTraceHeader(value: unknown): TraceHeaderResult {
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== 'string') return refuse('not a string');
  if (value.length > MAX_TRACE_HEADER_LENGTH)
    return refuse(`longer than ${MAX_TRACE_HEADER_LENGTH} characters`);
  const header: TraceHeader = { extra: [] };
  let fields = 0;
  let pos = 0;
  while (pos <= value.length) {
    let end = value.indexOf(';', pos);
    if (end < 0) end = value.length;
    const part = value.slice(pos, end).trim();
    pos = end + 1;
    if (part === '') continue;
    if (++fields > MAX_TRACE_HEADER_FIELDS)
      return refuse(`more than ${MAX_TRACE_HEADER_FIELDS} fields`);
    const eq = part.indexOf('=');
    if (eq <= 0) return refuse(`field "${clip(part)}" is not key=value`);
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    const error = applyField(header, key, val);
    if (error) return refuse(error);
  }
  if (fields === 0) return refuse('empty');
  return { ok: true, header };
}

function applyField(header: TraceHeader, key: string, val: string): string | undefined {
  switch (key.toLowerCase()) {
    case 'root': {
      const id = parseTraceId(val);
      if (!id.ok) return `invalid Root "${clip(val)}" (${id.error})`;
      header.root = id.value.traceId;
      return undefined;
    }
    case 'parent': {
      const id = normalizeSegmentId(val);
      if (!id) return `invalid Parent "${clip(val)}"`;
      header.parent = id;
      return undefined;
    }
    case 'sampled':
      if (val !== '0' && val !== '1' && val !== '?') return `invalid Sampled "${clip(val)}"`;
      header.sampled = val;
      return undefined;
    case 'self': {
      const id = parseTraceId(val);
      if (!id.ok) return `invalid Self "${clip(val)}"`;
      header.self = id.value.traceId;
      return undefined;
    }
    case 'lineage':
      header.lineage = val;
      return undefined;
    default:
      header.extra.push([key, val]);
      return undefined;
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Options of {@link formatTraceHeader}. */
export interface FormatTraceHeaderOptions {
  /** Emit `Self` (default false: SDKs do not re-emit ALB's field). */
  includeSelf?: boolean;
  /** Drop unknown fields that would push the value past this length (default 256 beyond the known fields, as the X-Ray SDK for Node). */
  maxExtraLength?: number;
}

/**
 * Writes the canonical form `Root=…;Parent=…;Sampled=…;Lineage=…` (exact key case, no spaces,
 * no trailing `;`), followed by unknown fields in their original order.
 */
export function formatTraceHeader(
  header: Partial<TraceHeader>,
  options: FormatTraceHeaderOptions = {},
): string {
  const parts: string[] = [];
  if (header.root) parts.push(`Root=${header.root}`);
  if (header.parent) parts.push(`Parent=${header.parent}`);
  if (header.sampled) parts.push(`Sampled=${header.sampled}`);
  if (header.self && options.includeSelf) parts.push(`Self=${header.self}`);
  if (header.lineage) parts.push(`Lineage=${header.lineage}`);
  let budget = options.maxExtraLength ?? 256;
  for (const [key, val] of header.extra ?? []) {
    const field = `${key}=${val}`;
    if (field.length + 1 > budget) continue;
    budget -= field.length + 1;
    parts.push(field);
  }
  return parts.join(';');
}
