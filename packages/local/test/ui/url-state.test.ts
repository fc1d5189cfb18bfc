import { describe, expect, it } from 'vitest';
import { DEFAULT_RANGE, formatHash, parseHash, sameQuery } from '../../src/ui/lib/url-state.ts';
import type { UrlState } from '../../src/ui/lib/url-state.ts';

const TRACE = '1-6b15d63a-9e2e7227e85fa33bc171c53b';
const SEGMENT = '53995c3f42cd8ad8';

describe('url state', () => {
  describe('parseHash', () => {
    it('reads an empty fragment as the list with the default range', () => {
      for (const hash of ['', '#', '#/', '#/?']) {
        expect(parseHash(hash)).toEqual({ filter: '', range: DEFAULT_RANGE });
      }
    });
    it('reads the demo’s deep link', () => {
      expect(parseHash(`#/traces/${TRACE}`)).toEqual({
        traceId: TRACE,
        filter: '',
        range: DEFAULT_RANGE,
      });
    });
    it('reads a trace, its segment and the query', () => {
      expect(
        parseHash(
          `#/traces/${TRACE}/${SEGMENT}?filter=service(%22orders%22)%20%7B%20fault%20%7D&from=now-1h&group=checkout`,
        ),
      ).toEqual({
        traceId: TRACE,
        segmentId: SEGMENT,
        filter: 'service("orders") { fault }',
        range: { kind: 'relative', minutes: 60 },
        group: 'checkout',
      });
    });
    it('reads an absolute range in ISO 8601 or epoch seconds', () => {
      expect(
        parseHash('#/?from=2026-12-06T21:00:00Z&to=2026-12-06T22:30:00%2B01:00').range,
      ).toEqual({ kind: 'absolute', from: 1_796_590_800, to: 1_796_592_600 });
      expect(parseHash('#/?from=1796590800&to=1796594400.5').range).toEqual({
        kind: 'absolute',
        from: 1_796_590_800,
        to: 1_796_594_400.5,
      });
    });
    it('accepts upper-case IDs and stores them in canonical form', () => {
      expect(parseHash(`#/traces/${TRACE.toUpperCase()}/${SEGMENT.toUpperCase()}`)).toMatchObject({
        traceId: TRACE,
        segmentId: SEGMENT,
      });
    });
    it('ignores what it cannot read, keeping the rest', () => {
      const cases: Array<[string, Partial<UrlState>]> = [
        ['#/traces/not-a-trace', {}],
        [`#/traces/${TRACE}/zz`, { traceId: TRACE }],
        [`#/traces/${TRACE}/${SEGMENT}/extra`, {}],
        ['#/traces/%E0%A4%A', {}],
        ['#/elsewhere/1-2-3?filter=ok', { filter: 'ok' }],
        ['#/?from=yesterday', {}],
        ['#/?from=now-0m', {}],
        ['#/?from=now-999999d', {}],
        ['#/?from=2026-12-06T22:00:00Z&to=2026-12-06T21:00:00Z', {}],
        ['#/?from=2026-12-06T22:00:00Z', {}],
        ['#/?from=2026-13-45T99:00:00Z&to=2026-12-07T00:00:00Z', {}],
        ['#/?group=' + 'g'.repeat(33), {}],
        ['#/?group=%20', {}],
        ['#/?filter=%ZZ', { filter: '%ZZ' }], // a broken escape stays text
      ];
      for (const [hash, expected] of cases) {
        expect(parseHash(hash), hash).toEqual({ filter: '', range: DEFAULT_RANGE, ...expected });
      }
    });
  });

  describe('formatHash', () => {
    it('leaves defaults out', () => {
      expect(formatHash({ filter: '', range: DEFAULT_RANGE })).toBe('#/');
      expect(formatHash({ traceId: TRACE, filter: ' ', range: DEFAULT_RANGE })).toBe(
        `#/traces/${TRACE}`,
      );
    });
    it('writes relative ranges in the largest whole unit', () => {
      const from = (minutes: number): string =>
        formatHash({ filter: '', range: { kind: 'relative', minutes } });
      expect([from(5), from(60), from(360), from(1440), from(90)]).toEqual([
        '#/?from=now-5m',
        '#/?from=now-1h',
        '#/?from=now-6h',
        '#/?from=now-1d',
        '#/?from=now-90m',
      ]);
    });
    it('encodes spaces as %20 and drops a segment without a trace', () => {
      expect(formatHash({ segmentId: SEGMENT, filter: 'a = "b c"', range: DEFAULT_RANGE })).toBe(
        '#/?filter=a%20%3D%20%22b%20c%22',
      );
    });
  });

  describe('round trip', () => {
    const states: UrlState[] = [
      { filter: '', range: DEFAULT_RANGE },
      { traceId: TRACE, filter: '', range: DEFAULT_RANGE },
      { traceId: TRACE, segmentId: SEGMENT, filter: '', range: DEFAULT_RANGE },
      {
        traceId: TRACE,
        filter: 'annotation.order_id = "o-4711" AND responsetime > 0.5 OR !ok # & + ? / %',
        range: { kind: 'relative', minutes: 90 },
        group: 'a group/with ?&= chars',
        sort: { key: 'duration', dir: 'asc' },
        column: 'order id/ü',
      },
      {
        filter: 'http.url CONTAINS "é😀"',
        range: { kind: 'absolute', from: 1.7e9, to: 1.7e9 + 0.25 },
      },
    ];
    it('parses what it formats back to the same state', () => {
      for (const state of states) expect(parseHash(formatHash(state))).toEqual(state);
    });
    it('formats what it parses back to the same fragment', () => {
      for (const state of states) {
        const hash = formatHash(state);
        expect(formatHash(parseHash(hash))).toBe(hash);
      }
    });
  });

  describe('sort and column', () => {
    it('reads sort=duration.asc and col=<key> next to the filter', () => {
      expect(parseHash('#/?filter=fault&sort=duration.asc&col=order_id')).toEqual({
        filter: 'fault',
        range: DEFAULT_RANGE,
        sort: { key: 'duration', dir: 'asc' },
        column: 'order_id',
      });
    });
    it('drops an unknown sort and leaves the default order (time.desc) out', () => {
      expect(parseHash('#/?sort=name.asc').sort).toBeUndefined();
      expect(parseHash('#/?sort=duration').sort).toBeUndefined();
      expect(parseHash('#/?sort=time.desc').sort).toBeUndefined();
      expect(
        formatHash({ filter: '', range: DEFAULT_RANGE, sort: { key: 'time', dir: 'desc' } }),
      ).toBe('#/');
      expect(
        formatHash({ filter: '', range: DEFAULT_RANGE, sort: { key: 'status', dir: 'desc' } }),
      ).toBe('#/?sort=status.desc');
    });
  });

  describe('sameQuery', () => {
    it('compares the list part only', () => {
      const a: UrlState = { traceId: TRACE, filter: 'ok', range: DEFAULT_RANGE };
      expect(sameQuery(a, { filter: 'ok ', range: DEFAULT_RANGE })).toBe(true);
      expect(sameQuery(a, { ...a, group: 'g' })).toBe(false);
      expect(sameQuery(a, { ...a, range: { kind: 'relative', minutes: 5 } })).toBe(false);
    });
    it('ignores the order and the annotation column (no reload for a re-sort)', () => {
      const a: UrlState = { filter: 'ok', range: DEFAULT_RANGE };
      expect(sameQuery(a, { ...a, sort: { key: 'status', dir: 'desc' }, column: 'k' })).toBe(true);
    });
  });
});
