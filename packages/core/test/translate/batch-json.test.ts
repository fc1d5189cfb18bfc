// translateBatchJson: subsegments travel inside their parents' documents when the parent is in the
// batch. Taken apart again (embedded → independent, as X-Ray assembles them), the documents must be
// exactly what translateSpan gives span by span; the text must be the collector's field order.
import { SpanKind, TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { translateBatchJson, translateSpan, translateSpanJson } from '@otel-xray/core';
import type { TranslatableSpan } from '@otel-xray/core';
import { seededRandom } from '../support/seeded-random.ts';
import { makeSpan } from '../support/span-factory.ts';
import { oversizedSpans } from './oversized-spans.ts';
import { randomSpans } from './random-spans.ts';

type Json = Record<string, unknown>;

const TRACE = '5759e988bd862e3fe1be46a994272793';
const XRAY_TRACE = '1-5759e988-bd862e3fe1be46a994272793';

/** Deterministic "random" ids, one counter shared by a whole batch. */
function counterIds(): () => string {
  let n = 0;
  return () => (++n).toString(16).padStart(16, 'a');
}

/** The documents span by span, as objects (the reference). */
function oneByOne(spans: readonly TranslatableSpan[]): Json[] {
  const randomId = counterIds();
  return spans.flatMap((span) =>
    translateSpan(span, undefined, { randomId }).documents.map(
      (doc) => JSON.parse(JSON.stringify(doc)) as Json,
    ),
  );
}

/** Embedded subsegments taken out as independent documents, as X-Ray assembles them. */
function flatten(documents: readonly string[]): Json[] {
  const out: Json[] = [];
  const visit = (doc: Json, traceId: unknown, parentId?: unknown): void => {
    const entity = { ...doc };
    const children = (entity.subsegments ?? []) as Json[];
    delete entity.subsegments;
    if (parentId !== undefined) {
      expect(doc).not.toHaveProperty('trace_id');
      expect(doc).not.toHaveProperty('parent_id');
      expect(doc).not.toHaveProperty('type');
      Object.assign(entity, { trace_id: traceId, parent_id: parentId, type: 'subsegment' });
    }
    out.push(entity);
    for (const child of children) visit(child, traceId, entity.id);
  };
  for (const json of documents) {
    const doc = JSON.parse(json) as Json;
    visit(doc, doc.trace_id);
  }
  return out;
}

const byId = (a: Json, b: Json): number => String(a.id).localeCompare(String(b.id));

function span(
  id: string,
  kind: SpanKind,
  parent?: string,
  name = `op-${id.slice(-2)}`,
): ReadableSpan {
  return makeSpan({
    name,
    kind,
    traceId: TRACE,
    spanId: id,
    ...(parent !== undefined && { parentSpanId: parent }),
    attributes:
      kind === SpanKind.CLIENT
        ? {
            'http.method': 'GET',
            'http.url': 'http://inventory:8080/items',
            'http.status_code': 200,
          }
        : kind === SpanKind.SERVER
          ? { 'http.method': 'POST', 'http.target': '/orders', 'http.status_code': 201 }
          : { 'order.id': 'o-1' },
  });
}

const SERVER = '00000000000000a1';
const CLIENT = '00000000000000b2';
const WORK = '00000000000000c3';
const QUERY = '00000000000000d4';

describe('translateBatchJson', () => {
  it('writes a request with its calls as one document, in the collector field order', () => {
    const spans = [
      span(QUERY, SpanKind.CLIENT, CLIENT),
      span(CLIENT, SpanKind.CLIENT, SERVER),
      span(WORK, SpanKind.INTERNAL, SERVER),
      span(SERVER, SpanKind.SERVER, 'ffffffffffffffff'),
    ];
    const result = translateBatchJson(spans);
    expect(result.documents).toHaveLength(1);
    expect(result.embedded).toBe(3);
    expect(result.origins).toEqual([3]);
    expect(result.made).toEqual([1, 1, 1, 1]);

    // The text: JSON.stringify of the documents translateSpan gives, each child without its
    // trace_id, parent_id and type, under `subsegments` between metadata and namespace.
    const [query, client, work, server] = oneByOne(spans) as [Json, Json, Json, Json];
    const embedded = (doc: Json, children?: Json[]): Json => withChildren(strip(doc), children);
    const expected = withChildren(server, [embedded(client, [embedded(query)]), embedded(work)]);
    expect(result.documents[0]).toBe(JSON.stringify(expected));
    expect(JSON.parse(result.documents[0]!)).toMatchObject({ trace_id: XRAY_TRACE, id: SERVER });
  });

  it('gives, taken apart, exactly the documents of each span alone: 300 random trees', () => {
    const random = seededRandom(20261207);
    const cases = randomSpans(20261207, 300);
    let embedded = 0;
    for (let round = 0; round < 30; round++) {
      const spans = randomTree(
        cases.slice(round * 10, round * 10 + 10).map((c) => c.span),
        random,
      );
      const result = translateBatchJson(spans, undefined, {}, { randomId: counterIds() });
      embedded += result.embedded;
      expect(flatten(result.documents).sort(byId)).toEqual(oneByOne(spans).sort(byId));
      expect(result.documents.length + result.embedded).toBe(
        result.made.reduce((a, b) => a + b, 0),
      );
    }
    expect(embedded).toBeGreaterThan(100);
  });

  it('keeps every document under maxBytes, sending a tree that does not fit as its parts', () => {
    const spans = [
      span(SERVER, SpanKind.SERVER),
      ...Array.from({ length: 40 }, (_, i) =>
        span(`00000000000001${i.toString(16).padStart(2, '0')}`, SpanKind.CLIENT, SERVER),
      ),
    ];
    const alone = translateSpanJson(spans[1]!).documents[0]!;
    const maxBytes = alone.length * 12;
    const result = translateBatchJson(spans, undefined, { maxBytes });
    for (const json of result.documents)
      expect(Buffer.byteLength(json)).toBeLessThanOrEqual(maxBytes);
    expect(flatten(result.documents).sort(byId)).toEqual(oneByOne(spans).sort(byId));
    // The tree did not fit: the parent went alone and each call after it.
    expect(result.documents).toHaveLength(41);
    expect(translateBatchJson(spans).documents).toHaveLength(1);
  });

  it('nests at most 32 levels in one document; deeper ones start a document of their own', () => {
    const ids = Array.from({ length: 40 }, (_, i) => (0x100 + i).toString(16).padStart(16, '0'));
    const chain = ids.map((id, i) =>
      i === 0 ? span(id, SpanKind.SERVER) : span(id, SpanKind.INTERNAL, ids[i - 1]),
    );
    const result = translateBatchJson(chain.slice().reverse());
    expect(result.documents).toHaveLength(2);
    expect(result.embedded).toBe(38);
    const depth = (doc: Json): number =>
      1 + Math.max(0, ...((doc.subsegments ?? []) as Json[]).map(depth));
    expect(result.documents.map((json) => depth(JSON.parse(json) as Json) - 1)).toEqual([32, 6]);
    expect(flatten(result.documents).sort(byId)).toEqual(oneByOne(chain).sort(byId));
  });

  it('gives one document per span, byte for byte translateSpanJson, when embed is false', () => {
    const spans = [span(CLIENT, SpanKind.CLIENT, SERVER), span(SERVER, SpanKind.SERVER)];
    const result = translateBatchJson(spans, undefined, { embed: false });
    expect(result.documents).toEqual(spans.flatMap((s) => translateSpanJson(s).documents));
    expect(result.embedded).toBe(0);
  });

  it('embeds the dependency subsegment of a local-root client span in its service segment', () => {
    const spans = [
      makeSpan({
        kind: SpanKind.CLIENT,
        traceId: TRACE,
        spanId: CLIENT,
        attributes: {
          'aws.span.kind': 'LOCAL_ROOT',
          'rpc.service': 'SQS',
          'rpc.system': 'aws-api',
        },
      }),
    ];
    const result = translateBatchJson(spans, undefined, {}, { randomId: counterIds() });
    expect(result.documents).toHaveLength(1);
    expect(result.made).toEqual([2]);
    expect(flatten(result.documents).sort(byId)).toEqual(oneByOne(spans).sort(byId));
  });

  it('does not embed across traces, under a duplicate id, or around a parent cycle', () => {
    const other = makeSpan({
      kind: SpanKind.CLIENT,
      traceId: 'aaaae988bd862e3fe1be46a994272793',
      spanId: CLIENT,
      parentSpanId: SERVER,
    });
    const crossTrace = [other, span(SERVER, SpanKind.SERVER)];
    expect(translateBatchJson(crossTrace).documents).toHaveLength(2);

    const duplicate = [
      span(CLIENT, SpanKind.CLIENT, SERVER),
      span(SERVER, SpanKind.SERVER),
      span(SERVER, SpanKind.SERVER, undefined, 'again'),
    ];
    const dup = translateBatchJson(duplicate);
    expect(dup.documents).toHaveLength(3);
    expect(dup.embedded).toBe(0);

    const cycle = [
      span(CLIENT, SpanKind.CLIENT, WORK),
      span(WORK, SpanKind.INTERNAL, CLIENT),
      span(QUERY, SpanKind.CLIENT, WORK),
    ];
    const cyc = translateBatchJson(cycle);
    expect(flatten(cyc.documents).sort(byId)).toEqual(oneByOne(cycle).sort(byId));
    expect(cyc.documents).toHaveLength(3);
  });

  it('reports a refused span and still writes the others', () => {
    const bad = makeSpan({ kind: SpanKind.CLIENT, spanId: 'nothex', parentSpanId: SERVER });
    const result = translateBatchJson([
      bad,
      span(CLIENT, SpanKind.CLIENT, SERVER),
      span(SERVER, SpanKind.SERVER),
    ]);
    expect(result.made).toEqual([0, 1, 1]);
    expect(result.problems[0]).toEqual([
      expect.objectContaining({ code: 'invalid-span-id', fatal: true }),
    ]);
    expect(result.documents).toHaveLength(1);
    expect(result.embedded).toBe(1);
  });

  it('keeps a span over 64 KB on its own, shrunk like translateSpanJson', () => {
    const large = oversizedSpans(7, 40).find((c) =>
      translateSpanJson(c.span, c.options).problems.some((p) => p.code === 'document-truncated'),
    );
    expect(large).toBeDefined();
    const spans = [large!.span, span(SERVER, SpanKind.SERVER)];
    const result = translateBatchJson(spans, large!.options, {}, { randomId: counterIds() });
    const alone = translateSpanJson(large!.span, large!.options, { randomId: counterIds() });
    expect(result.documents.slice(0, alone.documents.length)).toEqual(alone.documents);
    expect(result.problems[0]).toEqual(alone.problems);
  });
});

/** `doc` without the fields an embedded subsegment omits. */
function strip(doc: Json): Json {
  const { trace_id: _t, parent_id: _p, type: _y, ...rest } = doc;
  return rest;
}

/** `doc` with `subsegments` placed where the collector's struct order puts them. */
function withChildren(doc: Json, children?: Json[]): Json {
  if (children === undefined) return doc;
  const out: Json = {};
  let placed = false;
  for (const [key, value] of Object.entries(doc)) {
    if (!placed && ['namespace', 'parent_id', 'type', 'sql'].includes(key)) {
      out.subsegments = children;
      placed = true;
    }
    out[key] = value;
  }
  if (!placed) out.subsegments = children;
  return out;
}

/** The spans rewired into random trees of one trace, some parents outside the batch. */
function randomTree(spans: readonly TranslatableSpan[], random: () => number): TranslatableSpan[] {
  const ids = spans.map(
    (_, i) => `${(0x1000 + i + Math.floor(random() * 0xfff) * 16).toString(16).padStart(16, '0')}`,
  );
  return spans.map((s, i) => {
    const pick = random();
    const parent =
      i === 0 || pick < 0.15
        ? pick < 0.05
          ? undefined
          : '0123456789abcdef'
        : ids[Math.floor(random() * i)];
    const context = { traceId: TRACE, spanId: ids[i]!, traceFlags: TraceFlags.SAMPLED };
    return {
      ...s,
      spanContext: () => context,
      parentSpanContext:
        parent === undefined
          ? undefined
          : { traceId: TRACE, spanId: parent, traceFlags: TraceFlags.SAMPLED },
    };
  });
}
