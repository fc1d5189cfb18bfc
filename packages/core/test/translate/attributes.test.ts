import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { makeLink } from '../support/span-factory.ts';
import type { Case } from './table.ts';
import { check, PARENT, run, seg, sub } from './table.ts';

const LINK_TRACE = '0000000100000000000000000000000a';
const LINK_XRAY = '1-00000001-00000000000000000000000a';

const attributeCases: Case[] = [
  {
    rule: '§8: enduser.id becomes user, on subsegments too (§13.13)',
    span: { parentSpanId: PARENT, attributes: { 'enduser.id': 'alice' } },
    expected: [sub({ user: 'alice' })],
  },
  {
    rule: '§8: other attributes go to metadata.default as raw values',
    span: { parentSpanId: PARENT, attributes: { s: 'x', i: 3, d: 1.5, b: true, list: ['a', 'b'] } },
    expected: [sub({ metadata: { default: { s: 'x', i: 3, d: 1.5, b: true, list: ['a', 'b'] } } })],
  },
  {
    rule: '§8: indexedAttributes become annotations with sanitised keys',
    span: { parentSpanId: PARENT, attributes: { 'attr1@1': 'v', 'order.id': 7, other: 'm' } },
    options: { indexedAttributes: ['attr1@1', 'order.id'] },
    expected: [
      sub({ annotations: { attr1_1: 'v', 'order.id': 7 }, metadata: { default: { other: 'm' } } }),
    ],
  },
  {
    rule: '§8 / §13.11: an indexed slice attribute is dropped, not moved to metadata',
    span: { parentSpanId: PARENT, attributes: { tags: ['a'], keep: 'k' } },
    options: { indexedAttributes: ['tags'] },
    expected: [sub({ metadata: { default: { keep: 'k' } } })],
  },
  {
    rule: '§8 / §13.11: indexAllAttributes annotates every scalar and drops the rest, nothing in metadata',
    span: {
      parentSpanId: PARENT,
      attributes: { a: 'x', n: 1, list: [1, 2], 'aws.xray.metadata.ns': '{"k":1}' },
    },
    options: { indexAllAttributes: true },
    expected: [sub({ annotations: { a: 'x', n: 1, 'aws.xray.metadata.ns': '{"k":1}' } })],
  },
  {
    rule: '§8: aws.xray.annotations lists keys to index and is itself removed',
    span: {
      parentSpanId: PARENT,
      attributes: { tenant: 't1', plan: 'pro', 'aws.xray.annotations': ['tenant', 7] as never },
    },
    expected: [sub({ annotations: { tenant: 't1' }, metadata: { default: { plan: 'pro' } } })],
  },
  {
    rule: '§8: a consumed attribute comes back only when listed in indexedAttributes',
    span: { kind: SpanKind.SERVER, attributes: { 'http.method': 'GET', 'rpc.method': 'Get' } },
    options: { indexedAttributes: ['http.method'] },
    expected: [
      seg({
        http: { request: { method: 'GET' }, response: { content_length: 0 } },
        aws: { xray: { auto_instrumentation: false }, operation: 'Get' },
        annotations: { 'http.method': 'GET' },
      }),
    ],
  },
  {
    rule: '§8: aws.xray.metadata.<ns> JSON objects become namespaces; default merges; bad JSON stays',
    span: {
      parentSpanId: PARENT,
      attributes: {
        'aws.xray.metadata.orders': '{"items":[1,2],"total":9.5}',
        'aws.xray.metadata.Default': '{"merged":true}',
        'aws.xray.metadata.bad': 'not json',
      },
    },
    expected: [
      sub({
        metadata: {
          orders: { items: [1, 2], total: 9.5 },
          default: { merged: true, 'aws.xray.metadata.bad': 'not json' },
        },
      }),
    ],
  },
  {
    rule: '§8 / §13.14: resource attributes are stored as otel.resource.* on segments only',
    span: {
      kind: SpanKind.SERVER,
      resourceAttributes: { 'service.name': 'orders', 'deployment.environment': 'dev' },
    },
    expected: [
      seg({
        name: 'orders',
        metadata: {
          default: {
            'otel.resource.service.name': 'orders',
            'otel.resource.deployment.environment': 'dev',
          },
        },
      }),
    ],
  },
  {
    rule: '§8: an indexed resource attribute is an annotation under its prefixed key',
    span: { kind: SpanKind.SERVER, resourceAttributes: { 'service.name': 'orders' } },
    options: { indexedAttributes: ['otel.resource.service.name'] },
    expected: [seg({ name: 'orders', annotations: { 'otel.resource.service.name': 'orders' } })],
  },
  {
    rule: '§8: indexAllAttributes annotates scalar resource attributes; the others stay in metadata',
    span: {
      kind: SpanKind.SERVER,
      resourceAttributes: { 'service.name': 'orders', 'host.tags': ['a'] },
      attributes: { 'order.id': 'o-1', items: ['x'] },
    },
    options: { indexAllAttributes: true },
    expected: [
      seg({
        name: 'orders',
        annotations: { 'otel.resource.service.name': 'orders', 'order.id': 'o-1' },
        metadata: { default: { 'otel.resource.host.tags': ['a'] } },
      }),
    ],
  },
  {
    rule: '§8: allowDotInAnnotationKeys false writes _ for . (the collector with exporter.xray.allowDot off)',
    span: {
      kind: SpanKind.SERVER,
      resourceAttributes: { 'service.name': 'orders' },
      attributes: { 'order.id': 'o-1' },
    },
    options: {
      indexedAttributes: ['order.id', 'otel.resource.service.name'],
      allowDotInAnnotationKeys: false,
    },
    expected: [
      seg({
        name: 'orders',
        annotations: { otel_resource_service_name: 'orders', order_id: 'o-1' },
      }),
    ],
  },
  {
    rule: '§1.2 / §8: an indexed aws.remote.service annotates the dependency subsegment only',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: {
        'aws.span.kind': 'LOCAL_ROOT',
        'aws.local.service': 'orders',
        'aws.remote.service': 'payments',
        'aws.local.operation': 'POST /orders',
      },
    },
    options: { indexedAttributes: ['aws.remote.service', 'aws.local.operation'] },
    expected: [
      sub({
        name: 'payments',
        parent_id: 'aaaaaaaaaaaaaaa1',
        annotations: { 'aws.remote.service': 'payments', 'aws.local.operation': 'POST /orders' },
        metadata: { default: { 'aws.span.kind': 'LOCAL_ROOT', 'aws.local.service': 'orders' } },
        namespace: 'remote',
      }),
      seg({
        name: 'orders',
        id: 'aaaaaaaaaaaaaaa1',
        parent_id: PARENT,
        annotations: { 'aws.local.operation': 'POST /orders' },
      }),
    ],
  },
  {
    rule: '§8: links carry the converted trace id, the span id and their attributes',
    span: {
      parentSpanId: PARENT,
      links: [
        makeLink(LINK_TRACE, '1111111111111111', { 'messaging.message.id': 'm-1' }),
        makeLink(LINK_TRACE, '2222222222222222'),
      ],
    },
    expected: [
      sub({
        links: [
          {
            trace_id: LINK_XRAY,
            id: '1111111111111111',
            attributes: { 'messaging.message.id': 'm-1' },
          },
          { trace_id: LINK_XRAY, id: '2222222222222222' },
        ],
      }),
    ],
  },
  {
    rule: '§8 deviation: a link with an invalid id is dropped (reported), the span is kept',
    span: {
      parentSpanId: PARENT,
      links: [makeLink('00000000000000000000000000000000', '1111111111111111')],
    },
    expected: [sub()],
    problems: ['link-dropped'],
  },
  {
    rule: '§8: events other than exceptions are dropped',
    span: {
      parentSpanId: PARENT,
      events: [{ name: 'cache.miss', time: [1700000000, 0], attributes: { key: 'k' } }],
    },
    expected: [sub()],
  },
  {
    rule: '§10: annotation string values are cut to 1,000 characters and keys to 500',
    span: { parentSpanId: PARENT, attributes: { ['k'.repeat(600)]: 'v'.repeat(1200) } },
    options: { indexAllAttributes: true },
    expected: [sub({ annotations: { ['k'.repeat(500)]: 'v'.repeat(1000) } })],
  },
];

describe('toSegmentDocuments', () => {
  describe('annotations, metadata, user and links (§8, §10)', () => {
    it.each(attributeCases)('$rule', (row) => check(row));
  });

  describe('links limit (§10)', () => {
    it("keeps X-Ray's 20 links per segment and reports the rest", () => {
      const links = Array.from({ length: 25 }, (_, i) =>
        makeLink(LINK_TRACE, (i + 1).toString(16).padStart(16, '1')),
      );
      const { documents, problems } = run({ parentSpanId: PARENT, links });
      expect(documents[0]?.links).toHaveLength(20);
      expect(problems.map((p) => p.code)).toEqual(['links-capped']);
    });
  });
});
