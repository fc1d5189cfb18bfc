// Shared parts of the collector test vectors (opentelemetry-collector-contrib
// exporter/awsxrayexporter/internal/translator/*_test.go restated as data): the row type, the Go
// tests' resource and span constructors, accessors for the wire documents, and the runner every
// row goes through (schema validity, JSON path == JSON.stringify, then the Go test's asserts).
import type { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import type { TranslatableSpan, TranslateOptions, TranslationResult } from '@otel-xray/core';
import { translateSpan } from '@otel-xray/core';
import { makeSpan } from '../../support/span-factory.ts';
import type { SpanInit } from '../../support/span-factory.ts';
import { schemaErrors } from '../../support/segment-schema.ts';
import { expectSameJson } from '../same-json.ts';
import { counterIds, wire } from '../table.ts';

/** A wire document (or a block of one). */
export type Doc = Record<string, unknown>;

/** One Go test (or one case of a table-driven Go test). */
export interface Vector {
  /** The Go test's name. */
  go: string;
  span: TranslatableSpan;
  options?: TranslateOptions;
  /** The clock of the translation (epoch ms), for the trace-id timestamp rows. */
  now?: number;
  /** Set when the Go test expects the span to be refused: our fatal problem code. */
  refused?: string;
  /** What the Go test asserts, on our documents (wire form). */
  asserts: (docs: Doc[]) => void;
  /** Set when we disagree on purpose: why (TRANSLATION.md section), and `asserts` checks our output. */
  deviation?: string;
}

/** The rows restating one Go test file. */
export interface GoFile {
  /** File name under internal/translator/. */
  file: string;
  vectors: Vector[];
}

// constructDefaultResource() of the Go tests (a map and an array value included).
export const DEFAULT_RESOURCE: Record<string, unknown> = {
  'service.name': 'signup_aggregator',
  'service.version': 'semver:1.1.4',
  'container.name': 'signup_aggregator',
  'container.image.name': 'otel/signupaggregator',
  'container.image.tag': 'v1',
  'k8s.cluster.name': 'production',
  'k8s.namespace.name': 'default',
  'k8s.deployment.name': 'signup_aggregator',
  'k8s.pod.name': 'signup_aggregator-x82ufje83',
  'cloud.provider': 'aws',
  'cloud.account.id': '123456789',
  'cloud.region': 'us-east-1',
  'cloud.availability_zone': 'us-east-1c',
  'string.key': 'string',
  'int.key': 10,
  'double.key': 5.5,
  'bool.key': true,
  'map.key': { key1: 1, key2: 'value' },
  'array.key': ['foo', 'bar'],
};
// getBasicResource(): the default plus the SDK identity.
export const BASIC_RESOURCE: Record<string, unknown> = {
  ...DEFAULT_RESOURCE,
  'telemetry.sdk.name': 'MySDK',
  'telemetry.sdk.version': '1.20.0',
  'telemetry.auto.version': '1.2.3',
};
export const EMPTY_RESOURCE: Record<string, unknown> = {};

export const PARENT = 'def5f36c82bfb98a';
// newTraceID(): epoch seconds then random bytes; the epoch here is the spans' start (1700000000).
export const TRACE_HEX = '6553f100bd862e3fe1be46a994272793';
export const TRACE = '1-6553f100-bd862e3fe1be46a994272793';

/** What a Go constructor sets beyond {@link SpanInit}: the resource, or raw (OTLP-like) attributes. */
export type GoSpanInit = SpanInit & {
  resource?: Record<string, unknown>;
  raw?: Record<string, unknown>;
};

/** A span as the Go constructors build it: parent, kind, status, attributes, resource. */
export function goSpan(kind: SpanKind, name: string, init: GoSpanInit = {}): TranslatableSpan {
  const { resource = DEFAULT_RESOURCE, raw, ...rest } = init;
  const span = makeSpan({ traceId: TRACE_HEX, parentSpanId: PARENT, kind, name, ...rest });
  return {
    ...span,
    spanContext: span.spanContext,
    attributes: raw ?? span.attributes,
    resource: { attributes: resource },
  };
}

export function one(docs: Doc[]): Doc {
  expect(docs).toHaveLength(1);
  return docs[0]!;
}

export function size(value: unknown): number {
  return typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
}

export function meta(doc: Doc): Doc {
  return ((doc.metadata as Doc | undefined)?.default ?? {}) as Doc;
}

export function notes(doc: Doc): Doc {
  return (doc.annotations ?? {}) as Doc;
}

export function aws(doc: Doc): Doc {
  return (doc.aws ?? {}) as Doc;
}

/** Runs one vector: documents, schema validity, the JSON path's bytes, then the Go test's asserts. */
export function run(vector: Vector): Doc[] {
  const deps = {
    randomId: counterIds(),
    ...(vector.now === undefined ? {} : { now: () => vector.now! }),
  };
  const result: TranslationResult = translateSpan(vector.span, vector.options, deps);
  const fatal = result.problems.filter((p) => p.fatal).map((p) => p.code);
  expect(fatal).toEqual(vector.refused === undefined ? [] : [vector.refused]);
  const docs = wire(result.documents) as Doc[];
  for (const doc of docs) expect(schemaErrors(doc)).toEqual([]);
  expectSameJson(vector.span, vector.options, vector.now);
  vector.asserts(docs);
  return docs;
}

/** The vitest suite of one Go file: agreements, then the deliberate deviations. */
export function describeGoFile({ file, vectors }: GoFile): void {
  describe(`collector test vectors (${file})`, () => {
    const agreed = vectors.filter((v) => v.deviation === undefined);
    const deviating = vectors.filter((v) => v.deviation !== undefined);
    describe('agreements', () => {
      it.each(agreed)('$go', (vector) => {
        run(vector);
      });
    });
    if (deviating.length > 0)
      describe('deliberate deviations (asserting our documented output)', () => {
        it.each(deviating)('$go: $deviation', (vector) => {
          run(vector);
        });
      });
  });
}
