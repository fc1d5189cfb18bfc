// Reads what a propagator needs from an X-Amzn-Trace-Id value — Root, Parent, Sampled, and
// whether any other field is there — in one pass over the characters: no split, no trimmed
// copies, no intermediate objects; the only strings made are the IDs it returns. It accepts and
// refuses exactly what `parseTraceHeader(value, { contextOnly: true })` of @otel-xray/core does
// (test/context-scan.test.ts checks both on the same fuzzed values); Lineage and unknown fields
// are parsed later from the raw value, only when inject needs them.
import {
  MAX_TRACE_HEADER_FIELDS,
  MAX_TRACE_HEADER_LENGTH,
  type SampledFlag,
} from '@otel-xray/core';
import { NON_ZERO, NOT_HEX, UPPER, scanHex } from './hex-scan.ts';

/** What {@link scanTraceContext} read. One instance can be reused: every field is overwritten. */
export interface TraceContextFields {
  /** `Root` as 32 lowercase hex (the OpenTelemetry trace ID), when present. */
  traceId: string | undefined;
  /** `Parent`, lowercased, when present. */
  parent: string | undefined;
  /** `Sampled`, when present. */
  sampled: SampledFlag | undefined;
  /** True when the value had a `key=value` field besides `Root`, `Parent` and `Sampled`. */
  more: boolean;
}

const OTHER = 0;
const ROOT = 1;
const PARENT = 2;
const SAMPLED = 3;

/** Fills `out` and returns true, or returns false (and leaves `out` alone) for a refused value. */
export function scanTraceContext(value: string, out: TraceContextFields): boolean {
  const length = value.length;
  if (length > MAX_TRACE_HEADER_LENGTH) return false;
  // A field is either read already (the string) or, for a repeated key where the last one
  // counts, pending at a position (`…At >= 0`) until the end.
  let traceId: string | undefined;
  let parent: string | undefined;
  let sampled: SampledFlag | undefined;
  let rootAt = -1;
  let rootEnd = -1;
  let parentAt = -1;
  let parentEnd = -1;
  let sampledAt = -1;
  let sampledEnd = -1;
  let more = false;
  let fields = 0;
  let pairs = 0;
  let pos = 0;
  while (pos < length) {
    // `Root=1-{8}-{24};Parent={16};Sampled={0|1|?}` as SDKs write it (Lambda appends Lineage,
    // ALB puts Self before it): three fields at fixed offsets, read without searching.
    if (isCanonicalBlock(value, pos, length)) {
      const blockTraceId = readTraceId(value, pos + 5, pos + 40);
      const blockParent = readSpanId(value, pos + 48, pos + 64);
      if (blockTraceId !== undefined && blockParent !== undefined) {
        fields += 3;
        if (fields > MAX_TRACE_HEADER_FIELDS) return false;
        pairs += 3;
        traceId = blockTraceId;
        parent = blockParent;
        sampled = readSampled(value, pos + 73, pos + 74);
        rootAt = parentAt = sampledAt = -1;
        pos += 75;
        continue;
      }
    }
    let end = value.indexOf(';', pos);
    if (end < 0) end = length;
    let start = pos;
    let stop = end;
    pos = end + 1;
    while (start < stop && isSpace(value.charCodeAt(start))) start++;
    while (stop > start && isSpace(value.charCodeAt(stop - 1))) stop--;
    if (start === stop) continue;
    if (++fields > MAX_TRACE_HEADER_FIELDS) return false;
    // Nearly every part starts `Root=`, `Parent=` or `Sampled=`: then the `=` is known without
    // a search. Anything else (other keys, spaces before `=`, parts without `=`) is searched.
    let kind = knownKeyAt(value, start);
    let at = start + KEY_LENGTH[kind]! + 1;
    if (kind === OTHER) {
      const eq = value.indexOf('=', start);
      if (eq <= start || eq >= stop) continue; // no key, or no `=`: skipped, not refused
      let keyEnd = eq;
      while (isSpace(value.charCodeAt(keyEnd - 1))) keyEnd--;
      kind = keyKind(value, start, keyEnd - start);
      at = eq + 1;
    }
    pairs++;
    while (at < stop && isSpace(value.charCodeAt(at))) at++;
    // For a repeated key the last one counts, so only positions are kept until the end.
    if (kind === ROOT) {
      rootAt = at;
      rootEnd = stop;
    } else if (kind === PARENT) {
      parentAt = at;
      parentEnd = stop;
    } else if (kind === SAMPLED) {
      sampledAt = at;
      sampledEnd = stop;
    } else more = true;
  }
  if (pairs === 0) return false;
  if (rootAt >= 0 && (traceId = readTraceId(value, rootAt, rootEnd)) === undefined) return false;
  if (parentAt >= 0 && (parent = readSpanId(value, parentAt, parentEnd)) === undefined)
    return false;
  if (sampledAt >= 0 && (sampled = readSampled(value, sampledAt, sampledEnd)) === undefined)
    return false;
  out.traceId = traceId;
  out.parent = parent;
  out.sampled = sampled;
  out.more = more;
  return true;
}

/** True when `s` at `pos` holds the canonical three fields, ending the value or followed by `;`. */
function isCanonicalBlock(s: string, pos: number, length: number): boolean {
  if (pos + 74 > length || (pos + 74 < length && s.charCodeAt(pos + 74) !== 0x3b)) return false;
  const flag = s.charCodeAt(pos + 73);
  if (flag !== 0x31 && flag !== 0x30 && flag !== 0x3f) return false;
  return (
    s.startsWith('Root=', pos) &&
    s.startsWith(';Parent=', pos + 40) &&
    s.startsWith(';Sampled=', pos + 64)
  );
}

/** `1-{8 hex}-{24 hex}` at `s[at..end)` as 32 lowercase hex, or `undefined` (bad or all zero). */
function readTraceId(s: string, at: number, end: number): string | undefined {
  if (end - at !== 35 || s.charCodeAt(at) !== 49 || s.charCodeAt(at + 1) !== 45) return undefined;
  if (s.charCodeAt(at + 10) !== 45) return undefined;
  const flags = scanHex(s, at + 2, at + 10) | scanHex(s, at + 11, end);
  if ((flags & NOT_HEX) !== 0 || (flags & NON_ZERO) === 0) return undefined;
  const id = s.slice(at + 2, at + 10) + s.slice(at + 11, end);
  return (flags & UPPER) === 0 ? id : id.toLowerCase();
}

/** 16 hex at `s[at..end)`, lowercased, or `undefined` (bad or all zero). */
function readSpanId(s: string, at: number, end: number): string | undefined {
  if (end - at !== 16) return undefined;
  const flags = scanHex(s, at, end);
  if ((flags & NOT_HEX) !== 0 || (flags & NON_ZERO) === 0) return undefined;
  const id = s.slice(at, end);
  return (flags & UPPER) === 0 ? id : id.toLowerCase();
}

function readSampled(s: string, at: number, end: number): SampledFlag | undefined {
  if (end - at !== 1) return undefined;
  const c = s.charCodeAt(at);
  return c === 49 ? '1' : c === 48 ? '0' : c === 63 ? '?' : undefined;
}

/** Key length by kind (OTHER: unused). */
const KEY_LENGTH = [0, 4, 6, 7];

/** ROOT, PARENT or SAMPLED when `s` at `i` is `root=`, `parent=` or `sampled=` in any case. */
function knownKeyAt(s: string, i: number): number {
  const c = lowerAt(s, i);
  if (c === 0x72) {
    return s.charCodeAt(i + 4) === 0x3d && sameKey(s, i + 1, 'oot') ? ROOT : OTHER;
  }
  if (c === 0x70) {
    return s.charCodeAt(i + 6) === 0x3d && sameKey(s, i + 1, 'arent') ? PARENT : OTHER;
  }
  if (c === 0x73) {
    return s.charCodeAt(i + 7) === 0x3d && sameKey(s, i + 1, 'ampled') ? SAMPLED : OTHER;
  }
  return OTHER;
}

/** Which of Root, Parent, Sampled the key at `s[start..start+length)` names, in any case. */
function keyKind(s: string, start: number, length: number): number {
  if (length === 4) return sameKey(s, start, 'root') ? ROOT : OTHER;
  if (length === 6) return sameKey(s, start, 'parent') ? PARENT : OTHER;
  if (length === 7) return sameKey(s, start, 'sampled') ? SAMPLED : OTHER;
  return OTHER;
}

/** True when `s` at `start` spells `lower` (lowercase ASCII letters) in any case. */
function sameKey(s: string, start: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++)
    if (lowerAt(s, start + i) !== lower.charCodeAt(i)) return false;
  return true;
}

/** The char code at `i` with the ASCII lowercase bit set (`A` → `a`; other letters unchanged). */
function lowerAt(s: string, i: number): number {
  return s.charCodeAt(i) | 0x20;
}

/** The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
