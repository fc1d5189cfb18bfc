import { describe, expect, it } from 'vitest';
import { MemoryTraceStore } from '../../src/store/memory-trace-store.ts';
import type { StoredDocument } from '../../src/store/stored-document.ts';

const doc = (traceId: string, id: string, receivedAt = 0, endTime?: number): StoredDocument => ({
  traceId,
  id,
  raw: '{}',
  independent: false,
  startTime: 10,
  ...(endTime === undefined ? {} : { endTime }),
  receivedAt,
});
const t = (n: number) => `1-00000001-${String(n).padStart(24, '0')}`;

describe('MemoryTraceStore', () => {
  describe('put', () => {
    it('replaces a document with the same ID and bumps the revision', () => {
      const store = new MemoryTraceStore(10);
      store.put(doc(t(1), 'a'));
      store.put(doc(t(1), 'a', 5, 12));
      const trace = store.get(t(1));
      expect(trace?.documents.size).toBe(1);
      expect(trace?.revision).toBe(2);
      expect(trace?.endTime).toBe(12);
    });

    it('evicts the oldest trace when full and reports it', () => {
      const store = new MemoryTraceStore(2);
      store.put(doc(t(1), 'a'));
      store.put(doc(t(2), 'a'));
      expect(store.put(doc(t(1), 'b'))).toEqual([]);
      expect(store.put(doc(t(3), 'a'))).toEqual([t(1)]);
      expect([...store.traces()].map((x) => x.id)).toEqual([t(2), t(3)]);
    });
  });

  describe('expire', () => {
    it('drops traces not updated since the cutoff', () => {
      const store = new MemoryTraceStore(10);
      store.put(doc(t(1), 'a', 100));
      store.put(doc(t(2), 'a', 300));
      expect(store.expire(200)).toEqual([t(1)]);
      expect(store.size).toBe(1);
    });
  });
});
