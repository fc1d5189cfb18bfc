import { describe, it, expect } from 'vitest';
import { buildTrace } from '../src/index.ts';
import { missingFromTrace, describeExpectation } from '../src/trace/trace-expectation.ts';
import { pollDelay } from '../src/trace/poll-schedule.ts';
import { resolveTarget } from '../src/trace/trace-target.ts';
import { apiTrace } from './helpers/fixtures.ts';

const full = buildTrace(apiTrace('order-flow'));
const broken = buildTrace(apiTrace('broken-flow'));

describe('missingFromTrace', () => {
  describe('with counts and services', () => {
    it('is empty when the trace has everything', () => {
      expect(missingFromTrace(full, { segments: 4, services: ['orders', 'shipping'] })).toEqual([]);
    });

    it('lists missing segments, services and broken links', () => {
      expect(missingFromTrace(broken, { segments: 4, services: ['inventory'] })).toEqual([
        '3 of 4 segments',
        'services inventory',
        'parents of shipping',
      ]);
    });

    it('ignores completeness when complete is false', () => {
      expect(missingFromTrace(broken, { complete: false })).toEqual([]);
    });
  });

  describe('with traced calls and in-progress segments', () => {
    it('waits for the callee of a traced HTTP call and for open segments', () => {
      const docs = [
        {
          name: 'a',
          id: '0000000000000001',
          trace_id: 't',
          start_time: 1,
          in_progress: true,
          subsegments: [
            {
              name: 'b',
              id: '0000000000000002',
              start_time: 1,
              end_time: 2,
              http: { request: { traced: true } },
            },
          ],
        },
      ];
      const trace = buildTrace({ Segments: docs.map((d) => ({ Document: JSON.stringify(d) })) });
      expect(missingFromTrace(trace, {})).toEqual([
        '1 in progress (a)',
        'segments of traced calls b',
      ]);
    });
  });

  describe('describeExpectation', () => {
    it('says what is awaited', () => {
      expect(describeExpectation({ segments: 2, services: ['a'], until: () => true })).toBe(
        '≥ 2 segments; services a; until() true; complete',
      );
      expect(describeExpectation({ complete: false })).toBe('any trace');
    });
  });
});

describe('pollDelay', () => {
  describe('with defaults', () => {
    it('starts at 50 ms and grows by half up to 500 ms', () => {
      expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => pollDelay(n))).toEqual([
        50, 75, 113, 169, 253, 380, 500, 500,
      ]);
    });
  });

  describe('with bad values', () => {
    it('clamps them to sane ones', () => {
      expect(pollDelay(3, { intervalMs: 0, maxIntervalMs: -1, factor: 0.5 })).toBe(1);
    });
  });
});

describe('resolveTarget', () => {
  describe('with IDs', () => {
    it('lowercases X-Ray IDs and converts OpenTelemetry ones', () => {
      expect(resolveTarget('1-6743A1F0-5C2B8E9D4A1F3B7C6D8E9F01')).toEqual({
        kind: 'id',
        id: '1-6743a1f0-5c2b8e9d4a1f3b7c6d8e9f01',
      });
      expect(resolveTarget('6743a1f05c2b8e9d4a1f3b7c6d8e9f01')).toEqual({
        kind: 'id',
        id: '1-6743a1f0-5c2b8e9d4a1f3b7c6d8e9f01',
      });
    });
  });

  describe('with filters', () => {
    it('treats other strings and objects as filter expressions', () => {
      expect(resolveTarget('service("orders")')).toEqual({
        kind: 'filter',
        filter: 'service("orders")',
      });
      expect(resolveTarget({ filter: 'fault', since: new Date(5) })).toEqual({
        kind: 'filter',
        filter: 'fault',
        since: 5,
      });
    });
  });
});
