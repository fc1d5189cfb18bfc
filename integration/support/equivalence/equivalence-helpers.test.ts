// The equivalence test's own helpers, on hand-made documents: the normaliser rewrites only the
// per-run values and drops nothing, siblings pair up by content, and a difference is reported with
// both values.
import { describe, expect, it } from 'vitest';
import type { SegmentDocument } from '@otel-xray/core';
import { comparableRun } from './comparable-run.ts';
import { diffRuns } from './document-diff.ts';
import { normaliseValue, type IdNames, type RunValues } from './segment-normaliser.ts';

const ORDER = '23817084-5c7e-40e4-b09e-d025f6e754ae';
const TRACE = '1-6b161863-8017baf8ec0c989300a04e5f';
/** Epoch seconds, as in real documents. */
const T0 = 1796610147;
const run: RunValues = {
  orders: new Map([[ORDER, 'happy']]),
  requests: new Map([[TRACE, 'happy']]),
  prefix: 'equiv-lean-mxcnag8l-ymid',
  ordersPort: 39461,
};
const names: IdNames = {
  entity: (id) => (id === 'aaaaaaaaaaaaaaaa' ? 'happy: orders › orders' : undefined),
  exception: () => undefined,
  trace: (id) => (id === TRACE ? 'happy: orders' : undefined),
};

/** Every key path of a JSON value, to check that nothing was dropped. */
function keyPaths(value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null) return [at];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, `${at}.${k}`));
}

describe('normaliseValue', () => {
  describe('a segment document', () => {
    const doc = {
      name: 'orders',
      id: 'aaaaaaaaaaaaaaaa',
      parent_id: 'bbbbbbbbbbbbbbbb',
      trace_id: TRACE,
      start_time: 1796610147.125,
      end_time: 1796610147.23,
      http: { request: { url: `http://127.0.0.1:39461/orders/${ORDER}/shipped` } },
      annotations: { order_id: ORDER, customer_tier: 'gold' },
      metadata: {
        default: {
          'network.peer.port': 42042,
          'messaging.message.id': '570cb552-fd18-41a3-a13a-32d6a23643fe',
          'messaging.destination.name': 'equiv-lean-mxcnag8l-ymid-inventory',
          'aws.sqs.receive_count': 1,
          order: { createdAt: '2026-12-07T02:22:27.140Z', qty: 2 },
        },
      },
    };

    it('replaces the per-run values with named placeholders', () => {
      expect(normaliseValue(doc, run, names)).toEqual({
        name: 'orders',
        id: '<id happy: orders › orders>',
        parent_id: '<id outside the run>',
        trace_id: '<trace happy: orders>',
        start_time: '<time>',
        end_time: '<time>',
        http: { request: { url: 'http://127.0.0.1:<orders-port>/orders/<order happy>/shipped' } },
        annotations: { order_id: '<order happy>', customer_tier: 'gold' },
        metadata: {
          default: {
            'network.peer.port': '<client-port>',
            'messaging.message.id': '<uuid>',
            'messaging.destination.name': '<prefix>-inventory',
            'aws.sqs.receive_count': 1,
            order: { createdAt: '<iso-time>', qty: 2 },
          },
        },
      });
    });

    it('keeps every field', () => {
      expect(keyPaths(normaliseValue(doc, run, names))).toEqual(keyPaths(doc));
    });
  });

  describe('a value of an unexpected shape', () => {
    it('is left as it is, so it shows in the diff', () => {
      const odd = { id: 'not-an-id', start_time: 'soon', parent_id: 42, stack: [{ line: 13 }] };
      expect(normaliseValue(odd, run, names)).toEqual(odd);
    });
  });
});

describe('comparableRun', () => {
  describe('same-named siblings', () => {
    it('pairs them by content, not by which started first', () => {
      const shipment = (id: string, sku: string, start: number): SegmentDocument => ({
        name: 'shipping',
        id,
        parent_id: 'aaaaaaaaaaaaaaaa',
        trace_id: TRACE,
        start_time: T0 + start,
        end_time: T0 + start + 1,
        metadata: { default: { sku } },
      });
      const root = {
        name: 'orders',
        id: 'aaaaaaaaaaaaaaaa',
        trace_id: TRACE,
        start_time: T0 + 1,
        end_time: T0 + 9,
      } as SegmentDocument;
      const early = [
        shipment('2222222222222222', 'sku-pear', 2),
        shipment('3333333333333333', 'sku-fig', 3),
      ];
      const late = [
        shipment('4444444444444444', 'sku-fig', 2),
        shipment('5555555555555555', 'sku-pear', 3),
      ];
      const first = comparableRun([{ id: TRACE, documents: [root, ...early] }], run);
      const second = comparableRun([{ id: TRACE, documents: [root, ...late] }], run);
      expect(diffRuns(first, second, ['lean', 'otel'])).toEqual([]);
      expect([...first.get('happy: orders')!.keys()]).toEqual([
        'orders',
        'orders › shipping #1',
        'orders › shipping #2',
      ]);
    });
  });
});

describe('diffRuns', () => {
  describe('two runs that differ', () => {
    it('names the trace, the entity, the field and both values', () => {
      const lean = new Map([
        ['happy: orders', new Map([['orders', { http: { status: 201 }, fault: false }]])],
        ['invalid: orders', new Map([['orders', {}]])],
      ]);
      const otel = new Map([
        [
          'happy: orders',
          new Map<string, unknown>([
            ['orders', { http: { status: 200 } }],
            ['orders › SNS', {}],
          ]),
        ],
      ]);
      expect(diffRuns(lean, otel, ['lean', 'otel'])).toEqual([
        'happy: orders › orders: http.status: lean 201 | otel 200',
        'happy: orders › orders: fault: lean false | otel (absent)',
        'happy: orders › orders › SNS: only in otel',
        'trace "invalid: orders": only in lean',
      ]);
    });
  });
});

describe('diffRuns on exception stacks', () => {
  const sdk = [
    { path: 'protocols/index.js', line: 917, label: 'AwsQueryProtocol.handleError' },
    { path: 'client/index.js', line: 138, label: 'async' },
  ];
  const awaiting = [
    { path: 'aws-sdk-span-plugin.ts', line: 138, label: 'async tracedCall' },
    { path: 'main.ts', line: 32, label: 'async placeOrder' },
  ];
  const runOf = (stack: unknown[]): Map<string, Map<string, unknown>> =>
    new Map([['fault: orders', new Map([['orders', { cause: { exceptions: [{ stack }] } }]])]]);

  it('accepts a lean stack that goes on with awaiting frames only', () => {
    expect(diffRuns(runOf([...sdk, ...awaiting]), runOf(sdk), ['lean', 'otel'])).toEqual([]);
  });

  it('reports extra frames that are not awaiting ones, and a longer otel stack', () => {
    const extra = [...sdk, { path: 'main.ts', line: 9, label: 'placeOrder' }];
    expect(diffRuns(runOf(extra), runOf(sdk), ['lean', 'otel'])).toHaveLength(1);
    expect(diffRuns(runOf(sdk), runOf([...sdk, ...awaiting]), ['lean', 'otel'])).toHaveLength(1);
  });
});
