import { describe, expect, it } from 'vitest';
import { acceptDocument } from '../../src/ingest/accept-document.ts';

const trace = '1-5759e988-bd862e3fe1be46a994272793';
const good = {
  name: 'svc',
  id: '70de5b6f19ff9a0a',
  trace_id: trace,
  start_time: 1,
  end_time: 2,
  extra: { kept: true },
};

describe('acceptDocument', () => {
  describe('accepted documents', () => {
    it('keeps the raw text and indexes trace, id and times', () => {
      const raw = JSON.stringify(good);
      const r = acceptDocument(raw, 42);
      expect(r).toEqual({
        ok: true,
        document: {
          traceId: trace,
          id: good.id,
          raw,
          independent: false,
          startTime: 1,
          endTime: 2,
          receivedAt: 42,
        },
      });
    });

    it('recognises independent subsegments and in-progress segments', () => {
      const sub = {
        ...good,
        type: 'subsegment',
        parent_id: '1111111111111111',
        end_time: undefined,
        in_progress: true,
      };
      const r = acceptDocument(JSON.stringify(sub), 0);
      expect(r.ok && r.document.independent).toBe(true);
      expect(r.ok && r.document.endTime).toBeUndefined();
    });
  });

  describe('refused documents', () => {
    it('names InvalidTraceId for a bad trace ID', () => {
      expect(acceptDocument(JSON.stringify({ ...good, trace_id: '1-xyz' }), 0)).toMatchObject({
        ok: false,
        unprocessed: { Id: good.id, ErrorCode: 'InvalidTraceId' },
      });
    });

    it('refuses invalid JSON, non-objects, missing fields and oversized documents as InvalidSegment', () => {
      const big = JSON.stringify({ ...good, metadata: { default: { x: 'y'.repeat(70_000) } } });
      for (const raw of ['{', '[]', '42', JSON.stringify({ ...good, end_time: undefined }), big]) {
        const r = acceptDocument(raw, 0);
        expect(r.ok).toBe(false);
        expect(!r.ok && r.unprocessed.ErrorCode).toBe('InvalidSegment');
      }
    });

    it('finds the id in text it could not parse', () => {
      const r = acceptDocument('{"id":"abcdef0123456789", "name": ', 0);
      expect(!r.ok && r.unprocessed.Id).toBe('abcdef0123456789');
    });
  });
});
