// Helpers for the translation rule tables: expected documents built from one default, exact comparison
// of the JSON wire form, and schema validation of every produced document.
import { expect } from 'vitest';
import type { SegmentDocument, TranslateOptions, TranslationProblem } from '@otel-xray/core';
import { translateSpan } from '@otel-xray/core';
import { makeSpan, SPAN_DEFAULTS } from '../support/span-factory.ts';
import type { SpanInit } from '../support/span-factory.ts';
import { schemaErrors } from '../support/segment-schema.ts';

/** Converted default trace id. */
export const TRACE = '1-5759e988-bd862e3fe1be46a994272793';
/** Default span id. */
export const ID = SPAN_DEFAULTS.spanId;
/** Default parent id (pass `parentSpanId: PARENT`). */
export const PARENT = SPAN_DEFAULTS.parentSpanId;
/** Default start / end seconds. */
export const START = 1700000000 + 123456789 / 1e9;
export const END = 1700000001.5;
/** `aws` block of a span whose resource has no attributes. */
export const AWS0 = { xray: { auto_instrumentation: false } };

/** Deterministic "random" ids: aaaaaaaaaaaaaaa1, aaaaaaaaaaaaaaa2, … */
export function counterIds(): () => string {
  let n = 0;
  return () => (++n).toString(16).padStart(16, 'a');
}

/** A segment as a default span (root INTERNAL, empty resource) becomes, with `extra` merged in. */
export function seg(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'test-span',
    id: ID,
    start_time: START,
    trace_id: TRACE,
    end_time: END,
    fault: false,
    error: false,
    throttle: false,
    aws: AWS0,
    ...extra,
  };
}

/** An independent subsegment (parent PARENT) with `extra` merged in. */
export function sub(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return seg({ parent_id: PARENT, type: 'subsegment', ...extra });
}

/** A span with an empty resource unless the case sets one. */
export function span(init: SpanInit = {}): ReturnType<typeof makeSpan> {
  return makeSpan({ resourceAttributes: {}, ...init });
}

/** One row of a rule table. */
export interface Case {
  /** Spec section and rule, e.g. `§2 rule 4: peer.service names any kind`. */
  rule: string;
  span: SpanInit;
  options?: TranslateOptions;
  /** Exact documents expected (undefined-valued keys are dropped before comparing). */
  expected?: Array<Record<string, unknown>>;
  /** Problem codes expected (documents must then be empty if any is fatal). */
  problems?: string[];
}

/** The JSON wire form (what X-Ray receives). */
export function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Translates with deterministic ids. */
export function run(
  init: SpanInit,
  options?: TranslateOptions,
): {
  documents: SegmentDocument[];
  problems: TranslationProblem[];
} {
  return translateSpan(span(init), options, { randomId: counterIds() });
}

/** Runs one table row: exact documents, expected problems, and schema validity of every document. */
export function check(row: Case): void {
  const result = run(row.span, row.options);
  for (const doc of result.documents) expect(schemaErrors(wire(doc))).toEqual([]);
  expect(result.problems.map((p) => p.code)).toEqual(row.problems ?? []);
  if (row.expected !== undefined) expect(wire(result.documents)).toStrictEqual(wire(row.expected));
}
