import { describe, expect, it } from 'vitest';
import { emptyLogRecord, type OtlpLogRecord } from '../../src/ingest/otlp/otlp-log-model.ts';
import {
  MAX_LOG_ATTRIBUTE_CHARS,
  MAX_LOG_MESSAGE_CHARS,
  otlpToLogRecords,
} from '../../src/ingest/otlp/otlp-to-log-records.ts';

const TRACE = '5759e988bd862e3fe1be46a994272793';

function translate(record: Partial<OtlpLogRecord>, resource: Record<string, string> = {}) {
  return otlpToLogRecords(
    [{ resource, records: [{ ...emptyLogRecord('s'), ...record }] }],
    1_700_000_000_500,
  );
}

describe('otlpToLogRecords', () => {
  describe('IDs', () => {
    it('writes the trace ID in X-Ray form and the span ID as the segment ID', () => {
      const out = translate(
        { traceId: TRACE, spanId: '53995c3f42cd8ad8' },
        { 'service.name': 'orders' },
      );
      expect(out.records[0]).toMatchObject({
        traceId: '1-5759e988-bd862e3fe1be46a994272793',
        segmentId: '53995c3f42cd8ad8',
        service: 'orders',
      });
    });

    it('treats an all-zero trace ID as none and names a missing service unknown_service', () => {
      const out = translate({ traceId: '0'.repeat(32), spanId: '0'.repeat(16) });
      expect(out.rejected).toBe(0);
      expect(out.records[0]?.traceId).toBeUndefined();
      expect(out.records[0]?.segmentId).toBeUndefined();
      expect(out.records[0]?.service).toBe('unknown_service');
    });
  });

  describe('values', () => {
    it('keeps big integers as strings and bytes as base64', () => {
      const out = translate({
        attributes: { big: 2n ** 60n, raw: Uint8Array.from([1, 2, 3]), n: 1.5 },
      });
      expect(out.records[0]?.attributes).toEqual({
        big: '1152921504606846976',
        raw: 'AQID',
        n: 1.5,
      });
    });

    it('cuts a long message and ends it with …', () => {
      const out = translate({ body: 'x'.repeat(MAX_LOG_MESSAGE_CHARS + 10) });
      const message = out.records[0]?.message ?? '';
      expect(message).toHaveLength(MAX_LOG_MESSAGE_CHARS);
      expect(message.endsWith('…')).toBe(true);
    });

    it('refuses a record whose attributes are too large, with the reason', () => {
      const out = translate({ attributes: { blob: 'y'.repeat(MAX_LOG_ATTRIBUTE_CHARS) } });
      expect(out.records).toEqual([]);
      expect(out.rejected).toBe(1);
      expect(out.firstProblem).toContain('attributes exceed');
    });
  });

  describe('time', () => {
    it('uses the observed time, else the arrival time', () => {
      expect(translate({ observedNs: 2_500_000_000n }).records[0]?.time).toBe(2.5);
      expect(translate({}).records[0]?.time).toBe(1_700_000_000.5);
    });
  });
});
