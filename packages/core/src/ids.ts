import { ALL_ZERO as ZERO, canonicalSegmentId, canonicalTraceId } from './internal/hex.ts';
import { nonZeroHex, randomHex, type RandomHex } from './internal/random.ts';

export type { RandomHex } from './internal/random.ts';

/** An X-Ray trace ID, `1-{8 hex epoch seconds}-{24 hex random}`, e.g. `1-58406520-a006649127e371903a2de979`. */
export type XRayTraceId = string;

const TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
const SEGMENT_ID = /^[0-9a-f]{16}$/;
const HEX32 = /^[0-9a-fA-F]{32}$/;
const ALL_ZERO = /^[0-]*$/;
const MAX_UINT32_PLUS_ONE = 2 ** 32;

/** The parts of a trace ID. */
export interface ParsedTraceId {
  /** The ID in canonical (lowercase) form. */
  traceId: XRayTraceId;
  /** Unix seconds from the first 8 hex digits (arbitrary for W3C-born IDs). */
  epochSeconds: number;
  /** The 24 hex digits after the epoch. */
  random: string;
}

/** Why a trace or segment ID was refused. */
export type IdError = 'not-a-string' | 'bad-format' | 'all-zero';

/** Result of a parse: the value, or the reason it was refused. */
export type IdResult<T> = { ok: true; value: T } | { ok: false; error: IdError; input: unknown };

/** True for a canonical (lowercase) X-Ray trace ID that is not all zeros. */
export function isTraceId(value: unknown): value is XRayTraceId {
  return typeof value === 'string' && TRACE_ID.test(value) && !ALL_ZERO.test(value.slice(2));
}

/** True for a 16-hex lowercase segment/subsegment ID that is not all zeros. */
export function isSegmentId(value: unknown): value is string {
  return typeof value === 'string' && SEGMENT_ID.test(value) && !ALL_ZERO.test(value);
}

/**
 * Parses an X-Ray trace ID: exactly 35 characters, any hex case (returned lowercased). A shorter
 * epoch field is refused, as the OpenTelemetry JS propagator does.
 * @example parseTraceId('1-58406520-a006649127e371903a2de979') // { ok: true, value: { epochSeconds: 1480615200, ... } }
 */
export function parseTraceId(value: unknown): IdResult<ParsedTraceId> {
  if (typeof value !== 'string') return { ok: false, error: 'not-a-string', input: value };
  const traceId = canonicalTraceId(value);
  if (typeof traceId !== 'string')
    return { ok: false, error: traceId === ZERO ? 'all-zero' : 'bad-format', input: value };
  return {
    ok: true,
    value: { traceId, epochSeconds: parseInt(traceId.slice(2, 10), 16), random: traceId.slice(11) },
  };
}

/**
 * Parses a 16-hex segment/subsegment/span ID (any case; returned lowercased).
 * @example parseSegmentId('53995C3F42CD8AD8') // { ok: true, value: '53995c3f42cd8ad8' }
 */
export function parseSegmentId(value: unknown): IdResult<string> {
  if (typeof value !== 'string') return { ok: false, error: 'not-a-string', input: value };
  const id = canonicalSegmentId(value);
  if (typeof id !== 'string')
    return { ok: false, error: id === ZERO ? 'all-zero' : 'bad-format', input: value };
  return { ok: true, value: id };
}

/** Converts an X-Ray trace ID to the 32-hex W3C/OpenTelemetry form, or `undefined` when invalid. */
export function traceIdToW3C(xrayTraceId: unknown): string | undefined {
  const parsed = parseTraceId(xrayTraceId);
  return parsed.ok ? parsed.value.traceId.slice(2, 10) + parsed.value.random : undefined;
}

/** Converts a 32-hex W3C/OpenTelemetry trace ID to the X-Ray form, or `undefined` when invalid or all zero. */
export function traceIdFromW3C(w3cTraceId: unknown): XRayTraceId | undefined {
  if (typeof w3cTraceId !== 'string' || !HEX32.test(w3cTraceId) || ALL_ZERO.test(w3cTraceId))
    return undefined;
  const lower = w3cTraceId.toLowerCase();
  return `1-${lower.slice(0, 8)}-${lower.slice(8)}`;
}

/** Normalises a 16-hex span/segment ID to lowercase, or `undefined` when invalid or all zero. */
export function normalizeSegmentId(value: unknown): string | undefined {
  const parsed = parseSegmentId(value);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * The 8-hex epoch field for a time in milliseconds: big-endian Unix seconds, modulo 2^32 (X-Ray's
 * field is a uint32, so 2106 wraps as every SDK does).
 * @throws RangeError for a negative, NaN or infinite time — a caller bug, never a silent wrong ID.
 */
export function epochHex(nowMs: number): string {
  if (!Number.isFinite(nowMs) || nowMs < 0)
    throw new RangeError(`epochHex: time must be a finite, non-negative number (got ${nowMs})`);
  const seconds = Math.floor(nowMs / 1000) % MAX_UINT32_PLUS_ONE;
  return seconds.toString(16).padStart(8, '0');
}

/**
 * A new X-Ray trace ID with the epoch of `nowMs` and 96 bits of crypto randomness.
 * @example newTraceId() // '1-6745a1b2-0f1e2d3c4b5a69788796a5b4'
 */
export function newTraceId(nowMs: number = Date.now(), random: RandomHex = randomHex): XRayTraceId {
  return `1-${epochHex(nowMs)}-${nonZeroHex(24, random)}`;
}

/** A new 16-hex segment ID (crypto randomness, never all zero). */
export function newSegmentId(random: RandomHex = randomHex): string {
  return nonZeroHex(16, random);
}
