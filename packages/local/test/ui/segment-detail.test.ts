import { describe, expect, it } from 'vitest';
import { describeEntity, findException, flattenFields } from '../../src/ui/lib/segment-detail.ts';
import { buildTimelineRows, parseTraceDocuments } from '../../src/ui/lib/timeline.ts';
import { fixtureTrace } from './support/fixtures.ts';

const docs = parseTraceDocuments(fixtureTrace());
const rows = buildTimelineRows(docs);
const detailOf = (name: string) =>
  describeEntity(
    rows.find((r) => r.name === name)!,
    docs,
  );
const section = (name: string, title: string) =>
  detailOf(name).sections.find((s) => s.title === title);

describe('segment detail', () => {
  describe('describeEntity', () => {
    it('gives an overview with IDs in monospace and the duration in ms', () => {
      const overview = section('inventory', 'Overview')!;
      const field = (key: string) => overview.fields.find((f) => f.key === key);
      expect(field('id')).toEqual({ key: 'id', value: 'b000000000000001', mono: true });
      expect(field('parent_id')?.value).toBe('a000000000000003');
      expect(field('trace_id')?.mono).toBe(true);
      expect(field('duration')?.value).toBe('100 ms');
      expect(field('start')?.value).toBe('22:13:20.060');
      expect(field('kind')?.value).toBe('segment');
    });

    it('says in progress for an unfinished subsegment', () => {
      expect(section('db-lock', 'Overview')!.fields.find((f) => f.key === 'duration')?.value).toBe(
        'in progress',
      );
    });

    it('lists annotations with their values', () => {
      expect(section('orders', 'Annotations')!.fields).toEqual([
        { key: 'order_id', value: 'o-4711' },
        { key: 'gold', value: 'true' },
        { key: 'items', value: '3' },
      ]);
    });

    it('shows metadata per namespace as JSON', () => {
      expect(detailOf('orders').metadata).toEqual([
        { namespace: 'default', json: JSON.stringify({ cart: { items: 3 } }, null, 2) },
        { namespace: 'debug', json: JSON.stringify({ flag: true }, null, 2) },
      ]);
    });

    it('flattens the http and aws blocks', () => {
      expect(section('orders', 'HTTP')!.fields).toEqual([
        { key: 'request.method', value: 'POST' },
        { key: 'request.url', value: 'http://orders.local/orders' },
        { key: 'response.status', value: '201' },
      ]);
      expect(section('SNS', 'AWS')!.fields).toContainEqual({ key: 'operation', value: 'Publish' });
      expect(section('SNS', 'AWS')!.fields).toContainEqual({
        key: 'resource_names',
        value: 'order-events',
      });
    });

    it('leaves out empty blocks', () => {
      expect(detailOf('validate-order').sections.map((s) => s.title)).toEqual(['Overview']);
      expect(detailOf('validate-order').exceptions).toEqual([]);
    });

    it('shows the cause with its stack and working directory', () => {
      const detail = detailOf('shipping');
      expect(detail.workingDirectory).toBe('/srv/shipping');
      expect(detail.exceptions).toEqual([
        {
          id: 'e000000000000001',
          type: 'CarrierUnavailableError',
          message: 'carrier ACME did not answer',
          remote: false,
          frames: ['bookCarrier (src/carrier.ts:42)', 'src/consumer.ts:17'],
          truncated: 2,
        },
      ]);
    });

    it('resolves a cause given as an exception ID', () => {
      const [ex] = detailOf('carrier-api').exceptions;
      expect(ex).toMatchObject({
        id: 'e000000000000001',
        type: 'CarrierUnavailableError',
        recordedOn: 'shipping',
      });
    });
  });

  describe('findException', () => {
    it('gives undefined for an unknown ID', () => {
      expect(findException(docs, 'ffffffffffffffff')).toBeUndefined();
    });
  });

  describe('flattenFields', () => {
    it('joins nested keys with dots and arrays of scalars with commas', () => {
      expect(flattenFields({ a: { b: 1, c: [1, 'x', null] }, d: [{ e: 1 }], f: null })).toEqual([
        { key: 'a.b', value: '1' },
        { key: 'a.c', value: '1, x, null' },
        { key: 'd', value: '[{"e":1}]' },
      ]);
    });
  });
});
