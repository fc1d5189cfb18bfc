import { describe, expect, it } from 'vitest';
import { translateSpan } from '@otel-xray/core';
import { makeLink, makeSpan } from '../support/span-factory.ts';
import { expectSameJson } from './same-json.ts';

// 2023-11-14T22:13:20Z, the factory spans' start; the factory trace id's epoch is 2016 (0x5759e988).
const NOW_MS = 1700000000_000;
const CHECK = { validateTraceIdTimestamp: true };
const hexEpoch = (seconds: number): string => Math.floor(seconds).toString(16).padStart(8, '0');
const traceAt = (seconds: number): string => `${hexEpoch(seconds)}bd862e3fe1be46a994272793`;

describe('translateSpan', () => {
  describe('trace-id timestamp check (validateTraceIdTimestamp)', () => {
    it('is off by default: a trace id from 2016 is translated', () => {
      const { documents, problems } = translateSpan(makeSpan(), undefined, { now: () => NOW_MS });
      expect(documents).toHaveLength(1);
      expect(problems).toEqual([]);
    });

    it.each([
      ['30 days and one second old', NOW_MS / 1000 - 30 * 86400 - 1],
      ['over 5 minutes ahead', NOW_MS / 1000 + 301],
    ])('refuses a span whose trace id is %s', (_label, seconds) => {
      const span = makeSpan({ traceId: traceAt(seconds) });
      const { documents, problems } = translateSpan(span, CHECK, { now: () => NOW_MS });
      expect(documents).toEqual([]);
      expect(problems.map((p) => [p.code, p.fatal])).toEqual([['trace-id-timestamp', true]]);
      expect(expectSameJson(span, CHECK, NOW_MS)).toBe(0);
    });

    it.each([
      ['exactly 30 days old', NOW_MS / 1000 - 30 * 86400],
      ['5 minutes ahead', NOW_MS / 1000 + 300],
    ])('keeps a span whose trace id is %s', (_label, seconds) => {
      const span = makeSpan({ traceId: traceAt(seconds) });
      expect(translateSpan(span, CHECK, { now: () => NOW_MS }).documents).toHaveLength(1);
    });

    it('drops only the link whose trace id is too old, and says so', () => {
      const span = makeSpan({
        traceId: traceAt(NOW_MS / 1000),
        links: [
          makeLink(traceAt(NOW_MS / 1000 - 60), '00000000000000b1'),
          makeLink(traceAt(NOW_MS / 1000 - 40 * 86400), '00000000000000b2'),
        ],
      });
      const { documents, problems } = translateSpan(span, CHECK, { now: () => NOW_MS });
      expect(documents[0]!.links).toEqual([
        {
          trace_id: `1-${hexEpoch(NOW_MS / 1000 - 60)}-bd862e3fe1be46a994272793`,
          id: '00000000000000b1',
        },
      ]);
      expect(problems.map((p) => p.code)).toEqual(['link-dropped']);
      expectSameJson(span, CHECK, NOW_MS);
    });
  });
});
