import { describe, expect, it } from 'vitest';
import { parseTraceIdInput } from '../../src/ui/lib/trace-id-input.ts';

const TRACE = '1-6b15d63a-9e2e7227e85fa33bc171c53b';

describe('trace ID input', () => {
  describe('parseTraceIdInput', () => {
    it('reads an X-Ray trace ID, pasted with space or quotes, in any case', () => {
      for (const text of [TRACE, ` ${TRACE}\n`, `"${TRACE}"`, `'${TRACE}'`, TRACE.toUpperCase()]) {
        expect(parseTraceIdInput(text), text).toEqual({ traceId: TRACE });
      }
    });
    it('reads a W3C trace ID as the X-Ray ID with the same digits', () => {
      expect(parseTraceIdInput('6b15d63a9e2e7227e85fa33bc171c53b')).toEqual({ traceId: TRACE });
    });
    it('reads a traceparent, its span as the segment', () => {
      expect(parseTraceIdInput('00-6b15d63a9e2e7227e85fa33bc171c53b-53995c3f42cd8ad8-01')).toEqual({
        traceId: TRACE,
        segmentId: '53995c3f42cd8ad8',
      });
    });
    it('reads an X-Amzn-Trace-Id header value', () => {
      expect(parseTraceIdInput(`Root=${TRACE};Parent=53995c3f42cd8ad8;Sampled=1`)).toEqual({
        traceId: TRACE,
        segmentId: '53995c3f42cd8ad8',
      });
      expect(parseTraceIdInput(`Root=${TRACE}`)).toEqual({ traceId: TRACE });
    });
    it('leaves filter expressions and near misses alone', () => {
      for (const text of [
        '',
        'service("orders")',
        'responsetime > 1',
        '1-6b15d63a-9e2e7227e85fa33bc171c53',
        '2-6b15d63a-9e2e7227e85fa33bc171c53b',
        `${TRACE} OR fault`,
        '6b15d63a9e2e7227e85fa33bc171c53bx',
        `"${TRACE}'`,
      ]) {
        expect(parseTraceIdInput(text), text).toBeUndefined();
      }
    });
  });
});
