import { parseTraceId, parseSegmentId, type XRayTraceId } from './ids.ts';

/** Name of the HTTP header (lowercase; header names are case-insensitive). */
export const TRACE_HEADER_NAME = 'x-amzn-trace-id';
/** Longest header value we parse; longer values are refused before any parsing. */
export const MAX_TRACE_HEADER_LENGTH = 4096;
/** Most non-empty `;`-separated fields we parse; one more refuses the header. */
export const MAX_TRACE_HEADER_FIELDS = 32;
/** Budget for unknown fields when formatting (key + value + separators), as the X-Ray SDK for Node. */
export const MAX_EXTRA_FIELDS_LENGTH = 256;

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
  /** `Self`: written by ALB; read, never re-emitted by SDKs. Kept only when it is a valid trace ID. */
  self?: XRayTraceId;
  /** Other fields, in their original order and spelling. */
  extra: Array<[key: string, value: string]>;
}

/** The result of {@link parseTraceHeader}: the header, or why it was refused. */
export type TraceHeaderResult = { ok: true; header: TraceHeader } | { ok: false; reason: string };

const refuse = (reason: string): TraceHeaderResult => ({ ok: false, reason });
// RFC 9110 token characters for keys; visible ASCII and space for values, so a re-emitted field
// can never make an HTTP client throw on an invalid header value.
const TOKEN = /^[!#$%&'*+.^`|~\w-]+$/;
const FIELD_VALUE = /^[\x20-\x7e]*$/;

/**
 * Parses an `X-Amzn-Trace-Id` value the way the X-Ray SDKs and the OpenTelemetry propagators
 * read it: fields in any order, whitespace around fields, keys and values trimmed, key case
 * ignored, a trailing `;` accepted, parts without `key=` skipped; for a repeated key the last one
 * counts. An invalid `Root`, `Parent` or `Sampled`, a value over {@link MAX_TRACE_HEADER_LENGTH}
 * or more than {@link MAX_TRACE_HEADER_FIELDS} fields refuse the whole header (a 1 MB value is
 * refused before it is read). An invalid `Self`, `Lineage` or unknown field is dropped alone.
 * Never throws.
 * @example parseTraceHeader('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1')
 */
export function parseTraceHeader(value: unknown): TraceHeaderResult {
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== 'string') return refuse('not a string');
  if (value.length > MAX_TRACE_HEADER_LENGTH)
    return refuse(`longer than ${MAX_TRACE_HEADER_LENGTH} characters`);
  let root: string | undefined;
  let parent: string | undefined;
  let sampled: string | undefined;
  let self: string | undefined;
  let lineage: string | undefined;
  let extra: Array<[string, string]> | undefined;
  let fields = 0;
  let pairs = 0;
  let pos = 0;
  const length = value.length;
  while (pos < length) {
    let end = value.indexOf(';', pos);
    if (end < 0) end = length;
    const part = value.slice(pos, end).trim();
    pos = end + 1;
    if (part === '') continue;
    if (++fields > MAX_TRACE_HEADER_FIELDS)
      return refuse(`more than ${MAX_TRACE_HEADER_FIELDS} fields`);
    const eq = part.indexOf('=');
    if (eq <= 0) continue; // no key: skipped, as the X-Ray SDKs and OTel propagators do
    pairs++;
    // Fast path: the exact spelling of the three fields every header carries.
    const key = part.slice(0, eq);
    const val = part.slice(eq + 1).trim();
    switch (key) {
      case 'Root':
        root = val;
        continue;
      case 'Parent':
        parent = val;
        continue;
      case 'Sampled':
        sampled = val;
        continue;
    }
    const name = key.trim();
    switch (name.toLowerCase()) {
      case 'root':
        root = val;
        break;
      case 'parent':
        parent = val;
        break;
      case 'sampled':
        sampled = val;
        break;
      case 'self':
        self = val;
        break;
      case 'lineage':
        lineage = val;
        break;
      default:
        if (TOKEN.test(name) && FIELD_VALUE.test(val)) (extra ??= []).push([name, val]);
    }
  }
  if (pairs === 0) return refuse('no key=value field');
  return build(root, parent, sampled, self, lineage, extra ?? []);
}

function build(
  root: string | undefined,
  parent: string | undefined,
  sampled: string | undefined,
  self: string | undefined,
  lineage: string | undefined,
  extra: Array<[string, string]>,
): TraceHeaderResult {
  const header: TraceHeader = { extra };
  if (root !== undefined) {
    const id = parseTraceId(root);
    if (!id.ok) return refuse(`invalid Root "${clip(root)}" (${id.error})`);
    header.root = id.value.traceId;
  }
  if (parent !== undefined) {
    const id = parseSegmentId(parent);
    if (!id.ok) return refuse(`invalid Parent "${clip(parent)}" (${id.error})`);
    header.parent = id.value;
  }
  if (sampled !== undefined) {
    if (sampled !== '0' && sampled !== '1' && sampled !== '?')
      return refuse(`invalid Sampled "${clip(sampled)}"`);
    header.sampled = sampled;
  }
  if (self !== undefined) {
    const id = parseTraceId(self);
    if (id.ok) header.self = id.value.traceId;
  }
  if (lineage !== undefined && lineage !== '' && FIELD_VALUE.test(lineage))
    header.lineage = lineage;
  return { ok: true, header };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Options of {@link formatTraceHeader}. */
export interface FormatTraceHeaderOptions {
  /** Emit `Self` (default false: SDKs do not re-emit ALB's field). */
  includeSelf?: boolean;
  /** Unknown fields that would push their total (`;key=value` each) past this are dropped (default {@link MAX_EXTRA_FIELDS_LENGTH}). */
  maxExtraLength?: number;
}

/**
 * Writes the canonical form `Root=…;Parent=…;Sampled=…;Lineage=…` (exact key case, no spaces,
 * no trailing `;`), followed by unknown fields in their original order. Fields that could not
 * come out of {@link parseTraceHeader} (a key that is not a token, a value with `;` or control
 * characters, a known key among the extras) are skipped, so the result always parses back.
 * @example formatTraceHeader({ root: '1-5759e988-bd862e3fe1be46a994272793', sampled: '?', extra: [] }) // 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=?'
 */
export function formatTraceHeader(
  header: Partial<TraceHeader>,
  options: FormatTraceHeaderOptions = {},
): string {
  let out = '';
  if (header.root) out = `Root=${header.root}`;
  if (header.parent) out += `${out ? ';' : ''}Parent=${header.parent}`;
  if (header.sampled) out += `${out ? ';' : ''}Sampled=${header.sampled}`;
  if (header.self && options.includeSelf) out += `${out ? ';' : ''}Self=${header.self}`;
  if (header.lineage && isFieldValue(header.lineage))
    out += `${out ? ';' : ''}Lineage=${header.lineage}`;
  const extra = header.extra;
  if (extra === undefined || extra.length === 0) return out;
  let budget = options.maxExtraLength ?? MAX_EXTRA_FIELDS_LENGTH;
  for (const [key, val] of extra) {
    const size = key.length + val.length + 2;
    if (size > budget || !isExtraKey(key) || !isFieldValue(val)) continue;
    budget -= size;
    out += `${out ? ';' : ''}${key}=${val}`;
  }
  return out;
}

const KNOWN_KEYS = new Set(['root', 'parent', 'sampled', 'self', 'lineage']);

function isExtraKey(key: string): boolean {
  return TOKEN.test(key) && !KNOWN_KEYS.has(key.toLowerCase());
}

function isFieldValue(val: string): boolean {
  return FIELD_VALUE.test(val) && !val.includes(';') && val.trim() === val;
}
