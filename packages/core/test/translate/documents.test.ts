import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, it } from 'vitest';
import { makeLink } from '../support/span-factory.ts';
import type { Case } from './table.ts';
import { AWS0, check, END, ID, PARENT, seg, START, sub, TRACE } from './table.ts';

const OTHER_TRACE = '1-00000001-00000000000000000000000a';
const S = 'aaaaaaaaaaaaaaa1'; // first deterministic random id: the synthetic service segment id

const documents: Case[] = [
  { rule: '§1.1 a root INTERNAL span is a segment', span: {}, expected: [seg()] },
  {
    rule: '§1.1 an INTERNAL child is a subsegment without namespace (§13.2)',
    span: { parentSpanId: PARENT },
    expected: [sub()],
  },
  {
    rule: '§1.1 a SERVER span with a parent is still a segment and keeps parent_id',
    span: { kind: SpanKind.SERVER, parentSpanId: PARENT, parentIsRemote: true },
    expected: [seg({ parent_id: PARENT })],
  },
  {
    rule: '§1.1 a root CLIENT span is a segment that still has namespace remote (§13.2)',
    span: { kind: SpanKind.CLIENT },
    expected: [seg({ namespace: 'remote' })],
  },
  {
    rule: '§1.1 a CLIENT child is a remote subsegment',
    span: { kind: SpanKind.CLIENT, parentSpanId: PARENT },
    expected: [sub({ namespace: 'remote' })],
  },
  {
    rule: '§1.1 the remote-parent flag is not consulted',
    span: { parentSpanId: PARENT, parentIsRemote: true },
    expected: [sub()],
  },
  {
    rule: '§1.1 an all-zero parent id means no parent',
    span: { parentSpanId: '0000000000000000' },
    expected: [seg()],
  },
  {
    rule: '§1.1 upper-case hex ids are written lower-case',
    span: { traceId: '5759E988BD862E3FE1BE46A994272793', spanId: '53995C3F42CD8AD8' },
    expected: [seg()],
  },
  {
    rule: '§1.1 a W3C id with a random epoch is accepted (timestamp validation off, §13.12)',
    span: { traceId: '0000000100000000000000000000000a' },
    expected: [seg({ trace_id: OTHER_TRACE })],
  },
  {
    rule: '§1.1 times are nanoseconds / 1e9 at full precision',
    span: { startTime: [1700000000, 1], endTime: [1700000000, 999999999] },
    expected: [seg({ start_time: 1700000000 + 1e-9, end_time: 1700000000 + 0.999999999 })],
  },
  {
    rule: '§1.1 a zero-length span is accepted',
    span: { startTime: [1700000000, 5], endTime: [1700000000, 5] },
    expected: [seg({ start_time: 1700000000 + 5e-9, end_time: 1700000000 + 5e-9 })],
  },
  {
    rule: '§1.1 a span that ends before it starts is refused',
    span: { startTime: [1700000001, 0], endTime: [1700000000, 0] },
    expected: [],
    problems: ['end-before-start'],
  },
  {
    rule: '§1.1 an all-zero trace id is refused',
    span: { traceId: '00000000000000000000000000000000' },
    expected: [],
    problems: ['invalid-trace-id'],
  },
  {
    rule: '§1.1 a malformed span id is refused',
    span: { spanId: 'xyz' },
    expected: [],
    problems: ['invalid-span-id'],
  },
  {
    rule: '§1.1 a malformed parent id is refused',
    span: { parentSpanId: 'not-a-span-id!!!' },
    expected: [],
    problems: ['invalid-parent-id'],
  },
  {
    rule: '§1.2 a LOCAL_ROOT SERVER span is one segment without namespace, keeping parent_id',
    span: {
      kind: SpanKind.SERVER,
      parentSpanId: PARENT,
      attributes: { 'aws.span.kind': 'LOCAL_ROOT', 'aws.local.service': 'orders' },
    },
    expected: [
      seg({
        name: 'orders',
        parent_id: PARENT,
        metadata: { default: { 'aws.span.kind': 'LOCAL_ROOT', 'aws.local.service': 'orders' } },
      }),
    ],
  },
  {
    rule: '§1.2 a LOCAL_ROOT INTERNAL child becomes a segment named aws.local.service',
    span: {
      parentSpanId: PARENT,
      attributes: { 'aws.span.kind': 'LOCAL_ROOT', 'aws.local.service': 'worker' },
    },
    expected: [
      seg({
        name: 'worker',
        parent_id: PARENT,
        metadata: { default: { 'aws.span.kind': 'LOCAL_ROOT', 'aws.local.service': 'worker' } },
      }),
    ],
  },
  {
    rule: '§1.2 a LOCAL_ROOT CLIENT span becomes a dependency subsegment and a service segment',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: {
        'aws.span.kind': 'LOCAL_ROOT',
        'aws.local.service': 'orders',
        'aws.remote.service': 'payments',
        'aws.remote.operation': 'POST /pay',
        'http.method': 'POST',
        'http.url': 'http://payments/pay',
        'aws.region': 'eu-west-1',
      },
      extraResourceAttributes: undefined,
    },
    expected: [
      sub({
        name: 'payments',
        parent_id: S,
        http: {
          request: { method: 'POST', url: 'http://payments/pay' },
          response: { content_length: 0 },
        },
        aws: { ...AWS0, region: 'eu-west-1' },
        metadata: {
          default: {
            'aws.span.kind': 'LOCAL_ROOT',
            'aws.local.service': 'orders',
            'aws.remote.service': 'payments',
            'aws.remote.operation': 'POST /pay',
          },
        },
        namespace: 'remote',
      }),
      // Service segment: no http, no call fields, only otel.resource.* metadata (none: it has a parent, §13.14).
      seg({ name: 'orders', id: S, parent_id: PARENT }),
    ],
  },
  {
    rule: '§1.2 a LOCAL_ROOT AWS SDK PRODUCER keeps namespace aws and trims AWS:: from the name',
    span: {
      kind: SpanKind.PRODUCER,
      attributes: {
        'aws.span.kind': 'LOCAL_ROOT',
        'aws.local.service': 'orders',
        'aws.remote.service': 'AWS::SQS',
        'rpc.system': 'aws-api',
        'rpc.method': 'SendMessage',
        'aws.queue_url': 'https://sqs.us-east-1.amazonaws.com/000000000000/q',
      },
    },
    expected: [
      sub({
        name: 'SQS',
        parent_id: S,
        aws: {
          ...AWS0,
          operation: 'SendMessage',
          queue_url: 'https://sqs.us-east-1.amazonaws.com/000000000000/q',
        },
        metadata: {
          default: {
            'aws.span.kind': 'LOCAL_ROOT',
            'aws.local.service': 'orders',
            'aws.remote.service': 'AWS::SQS',
            'rpc.system': 'aws-api',
          },
        },
        namespace: 'aws',
      }),
      seg({ name: 'orders', id: S }),
    ],
  },
  {
    rule: '§1.2 a LOCAL_ROOT CONSUMER keeps links on the service segment only',
    span: {
      kind: SpanKind.CONSUMER,
      attributes: { 'aws.span.kind': 'LOCAL_ROOT', 'aws.local.service': 'inventory' },
      links: [makeLink('0000000100000000000000000000000a', '1111111111111111')],
    },
    expected: [
      sub({
        name: 'test-span',
        parent_id: S,
        namespace: 'remote',
        metadata: { default: { 'aws.span.kind': 'LOCAL_ROOT', 'aws.local.service': 'inventory' } },
      }),
      seg({ name: 'inventory', id: S, links: [{ trace_id: OTHER_TRACE, id: '1111111111111111' }] }),
    ],
  },
  {
    rule: '§1.2 a LOCAL_ROOT CLIENT keeps links on the dependency subsegment only',
    span: {
      kind: SpanKind.CLIENT,
      attributes: { 'aws.span.kind': 'LOCAL_ROOT' },
      links: [makeLink('0000000100000000000000000000000a', '1111111111111111')],
    },
    expected: [
      sub({
        parent_id: S,
        namespace: 'remote',
        links: [{ trace_id: OTHER_TRACE, id: '1111111111111111' }],
        metadata: { default: { 'aws.span.kind': 'LOCAL_ROOT' } },
      }),
      seg({ id: S }),
    ],
  },
  {
    rule: '§1.2 the service segment of a root split keeps only otel.resource.* metadata and annotations of its own',
    span: {
      kind: SpanKind.CLIENT,
      resourceAttributes: { 'service.name': 'orders' },
      attributes: {
        'aws.span.kind': 'LOCAL_ROOT',
        'aws.remote.service': 'payments',
        'aws.remote.operation': 'Pay',
        tenant: 't1',
      },
    },
    options: { indexedAttributes: ['aws.remote.operation', 'tenant'] },
    expected: [
      sub({
        name: 'payments',
        parent_id: S,
        namespace: 'remote',
        annotations: { 'aws.remote.operation': 'Pay', tenant: 't1' },
        metadata: { default: { 'aws.span.kind': 'LOCAL_ROOT', 'aws.remote.service': 'payments' } },
      }),
      seg({
        name: 'orders',
        id: S,
        annotations: { tenant: 't1' },
        metadata: { default: { 'otel.resource.service.name': 'orders' } },
      }),
    ],
  },
  {
    rule: '§1.2 a non-local-root CLIENT subsegment with aws.remote.service is named by it and is remote',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'aws.remote.service': 'payments' },
    },
    expected: [
      sub({
        name: 'payments',
        namespace: 'remote',
        metadata: { default: { 'aws.remote.service': 'payments' } },
      }),
    ],
  },
  {
    rule: '§1.2 cause, flags and times are the same on both halves of a split',
    span: {
      kind: SpanKind.CLIENT,
      status: { code: SpanStatusCode.ERROR, message: 'down' },
      attributes: { 'aws.span.kind': 'LOCAL_ROOT' },
    },
    expected: [
      sub({
        parent_id: S,
        namespace: 'remote',
        fault: true,
        cause: { exceptions: [{ id: 'aaaaaaaaaaaaaaa2', message: 'down', type: '' }] },
        metadata: { default: { 'aws.span.kind': 'LOCAL_ROOT' } },
      }),
      seg({
        id: S,
        fault: true,
        cause: { exceptions: [{ id: 'aaaaaaaaaaaaaaa3', message: 'down', type: '' }] },
      }),
    ],
  },
  {
    rule: '§8 (user need 3) CONSUMER spans become their own segment, named like a service',
    span: {
      kind: SpanKind.CONSUMER,
      parentSpanId: PARENT,
      resourceAttributes: { 'service.name': 'inventory' },
      links: [
        makeLink('0000000100000000000000000000000a', '1111111111111111', {
          'messaging.message.id': 'm1',
        }),
      ],
    },
    expected: [
      seg({
        name: 'inventory',
        parent_id: PARENT,
        links: [
          {
            trace_id: OTHER_TRACE,
            id: '1111111111111111',
            attributes: { 'messaging.message.id': 'm1' },
          },
        ],
        metadata: { default: { 'otel.resource.service.name': 'inventory' } },
      }),
    ],
  },
  {
    rule: '§8 (user need 3) PRODUCER child spans are remote subsegments',
    span: { kind: SpanKind.PRODUCER, parentSpanId: PARENT, name: 'orders publish' },
    expected: [sub({ name: 'orders publish', namespace: 'remote' })],
  },
];

describe('toSegmentDocuments', () => {
  describe('documents per span, ids and times (§1)', () => {
    it.each(documents)('$rule', (row) => check(row));
  });

  it('writes end_time and never in_progress, precursor_ids, traced or subsegments', () => {
    check({
      rule: '§1.1 never-written fields',
      span: { kind: SpanKind.CLIENT, parentSpanId: PARENT },
      expected: [
        {
          name: 'test-span',
          id: ID,
          start_time: START,
          trace_id: TRACE,
          end_time: END,
          fault: false,
          error: false,
          throttle: false,
          aws: AWS0,
          namespace: 'remote',
          parent_id: PARENT,
          type: 'subsegment',
        },
      ],
    });
  });
});
