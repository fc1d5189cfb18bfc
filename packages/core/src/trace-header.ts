import type { XRayTraceId } from './ids.ts';
import { ALL_ZERO, canonicalSegmentId, canonicalTraceId } from './internal/hex.ts';
import { FIELD_VALUE, TOKEN, isSpace, sameKey } from './internal/header-chars.ts';

export { formatTraceHeader, MAX_EXTRA_FIELDS_LENGTH } from './trace-header-format.ts';
export type { FormatTraceHeaderOptions } from './trace-header-format.ts';

/** Name of the HTTP header (lowercase; header names are case-insensitive). */
export const TRACE_HEADER_NAME = 'x-amzn-trace-id';
/** Longest header value we parse; longer values are refused before any parsing. */
export const MAX_TRACE_HEADER_LENGTH = 4096;
/** Most non-empty `;`-separated fields we parse; one more refuses the header. */
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
  /** `Self`: written by ALB; read, never re-emitted by SDKs. Kept only when it is a valid trace ID. */
  self?: XRayTraceId;
  /** Other fields, in their original order and spelling. */
  extra: Array<[key: string, value: string]>;
}

/** The result of {@link parseTraceHeader}: the header, or why it was refused. */
export type TraceHeaderResult =
  | {
      ok: true;
      header: TraceHeader;
      /** With `contextOnly`: true when the value had fields besides `Root`/`Parent`/`Sampled`. */
      hasMore?: boolean;
    }
  | { ok: false; reason: string };

/** Options of {@link parseTraceHeader}. */
export interface ParseTraceHeaderOptions {
  /**
   * Read only `Root`, `Parent` and `Sampled` (a fast path for propagators); `Self`, `Lineage` and
   * unknown fields are skipped and reported as `hasMore`. Accepts and refuses exactly the values
   * a full parse does.
   */
  contextOnly?: boolean;
}

const refuse = (reason: string): TraceHeaderResult => ({ ok: false, reason });

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
export function parseTraceHeader(
  value: unknown,
  options?: ParseTraceHeaderOptions,
): TraceHeaderResult {
  const contextOnly = options?.contextOnly === true;
  let more = false;
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
  // Index arithmetic instead of slice/trim per part: no intermediate strings on the hot path.
  while (pos < length) {
    let end = value.indexOf(';', pos);
    if (end < 0) end = length;
    let start = pos;
    let stop = end;
    pos = end + 1;
    while (start < stop && isSpace(value.charCodeAt(start))) start++;
    while (stop > start && isSpace(value.charCodeAt(stop - 1))) stop--;
    if (start === stop) continue;
    if (++fields > MAX_TRACE_HEADER_FIELDS)
      return refuse(`more than ${MAX_TRACE_HEADER_FIELDS} fields`);
    const eq = value.indexOf('=', start);
    // No key (`=x`) or no `=` at all: skipped, as the X-Ray SDKs and OTel propagators do.
    if (eq <= start || eq >= stop) continue;
    pairs++;
    let keyEnd = eq;
    while (isSpace(value.charCodeAt(keyEnd - 1))) keyEnd--;
    let valStart = eq + 1;
    while (valStart < stop && isSpace(value.charCodeAt(valStart))) valStart++;
    const kind = keyKind(value, start, keyEnd - start);
    if (kind === ROOT) root = value.slice(valStart, stop);
    else if (kind === PARENT) parent = value.slice(valStart, stop);
    else if (kind === SAMPLED) sampled = value.slice(valStart, stop);
    else if (contextOnly) more = true;
    else if (kind === SELF) self = value.slice(valStart, stop);
    else if (kind === LINEAGE) lineage = value.slice(valStart, stop);
    else extra = withExtra(extra, value.slice(start, keyEnd), value.slice(valStart, stop));
  }
  if (pairs === 0) return refuse('no key=value field');
  return build(root, parent, sampled, self, lineage, extra ?? [], contextOnly ? more : undefined);
}

function build(
  root: string | undefined,
  parent: string | undefined,
  sampled: string | undefined,
  self: string | undefined,
  lineage: string | undefined,
  extra: Array<[string, string]>,
  hasMore: boolean | undefined,
): TraceHeaderResult {
  // One object shape for every header (all keys present, undefined when absent).
  const header: TraceHeader = {
    root: undefined,
    parent: undefined,
    sampled: undefined,
    lineage: undefined,
    self: undefined,
    extra,
  };
  if (root !== undefined) {
    const id = canonicalTraceId(root);
    if (typeof id !== 'string') return refuse(`invalid Root "${clip(root)}" (${why(id)})`);
    header.root = id;
  }
  if (parent !== undefined) {
    const id = canonicalSegmentId(parent);
    if (typeof id !== 'string') return refuse(`invalid Parent "${clip(parent)}" (${why(id)})`);
    header.parent = id;
  }
  if (sampled !== undefined) {
    if (sampled !== '0' && sampled !== '1' && sampled !== '?')
      return refuse(`invalid Sampled "${clip(sampled)}"`);
    header.sampled = sampled;
  }
  if (self !== undefined) {
    const id = canonicalTraceId(self);
    if (typeof id === 'string') header.self = id;
  }
  if (lineage !== undefined && lineage !== '' && FIELD_VALUE.test(lineage))
    header.lineage = lineage;
  return { ok: true, header, hasMore };
}

const OTHER = 0;
const ROOT = 1;
const PARENT = 2;
const SAMPLED = 3;
const SELF = 4;
const LINEAGE = 5;

/** Which field the key at `s[start..start+length)` names, in any case. */
function keyKind(s: string, start: number, length: number): number {
  switch (length) {
    case 4:
      if (s.startsWith('Root', start) || sameKey(s, start, 'root')) return ROOT;
      return sameKey(s, start, 'self') ? SELF : OTHER;
    case 6:
      return s.startsWith('Parent', start) || sameKey(s, start, 'parent') ? PARENT : OTHER;
    case 7:
      if (s.startsWith('Sampled', start) || sameKey(s, start, 'sampled')) return SAMPLED;
      return sameKey(s, start, 'lineage') ? LINEAGE : OTHER;
    default:
      return OTHER;
  }
}

/** `extra` plus one unknown field, if its key is a token and its value printable ASCII. */
function withExtra(
  extra: Array<[string, string]> | undefined,
  name: string,
  val: string,
): Array<[string, string]> | undefined {
  if (!TOKEN.test(name) || !FIELD_VALUE.test(val)) return extra;
  if (extra === undefined) return [[name, val]];
  extra.push([name, val]);
  return extra;
}

function why(code: number): string {
  return code === ALL_ZERO ? 'all-zero' : 'bad-format';
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
