import { describe, expect, it } from 'vitest';
import { LogStore } from '../../src/store/log-store.ts';
import type { StoredLogRecord } from '../../src/store/stored-log-record.ts';

function line(message: string, traceId?: string): Omit<StoredLogRecord, 'seq'> {
  return {
    time: 1,
    service: 's',
    level: 'info',
    severityNumber: 9,
    message,
    ...(traceId === undefined ? {} : { traceId }),
    attributes: {},
    scope: '',
  };
}

const A = '1-5759e988-bd862e3fe1be46a994272793';
const B = '1-5759e988-bd862e3fe1be46a994272794';

describe('LogStore', () => {
  describe('append', () => {
    it('numbers lines in arrival order and indexes them by trace', () => {
      const store = new LogStore(10);
      expect(
        store.append(store.stamp([line('a1', A), line('b1', B), line('none'), line('a2', A)])),
      ).toBe(0);
      expect(store.forTrace(A).map((l) => [l.seq, l.message])).toEqual([
        [1, 'a1'],
        [4, 'a2'],
      ]);
      expect(store.forTrace(B).map((l) => l.message)).toEqual(['b1']);
      expect(store.size).toBe(4);
      expect(store.firstSeq).toBe(1);
    });

    it('drops the oldest lines beyond the bound and counts them', () => {
      const store = new LogStore(3);
      store.append(store.stamp([line('a1', A), line('b1', B)]));
      expect(store.append(store.stamp([line('x'), line('a2', A), line('b2', B)]))).toBe(2);
      expect(store.size).toBe(3);
      expect(store.firstSeq).toBe(3);
      expect(store.forTrace(A).map((l) => l.message)).toEqual(['a2']);
      expect(store.forTrace(B).map((l) => l.message)).toEqual(['b2']);
    });

    it('forgets a trace whose every line was dropped', () => {
      const store = new LogStore(1);
      store.append(store.stamp([line('a1', A)]));
      store.append(store.stamp([line('b1', B)]));
      expect(store.forTrace(A)).toEqual([]);
    });

    it('stays correct across many drops (queue compaction)', () => {
      const store = new LogStore(100);
      for (let i = 0; i < 20_000; i++) store.append(store.stamp([line(`l${i}`, i % 2 ? A : B)]));
      expect(store.size).toBe(100);
      expect(store.firstSeq).toBe(19_901);
      expect(store.forTrace(A)).toHaveLength(50);
      expect(store.forTrace(A)[0]?.message).toBe('l19901');
    });

    it('continues numbering after replayed lines', () => {
      const store = new LogStore(10);
      store.append([{ ...line('old', A), seq: 41 }]);
      expect(store.stamp([line('new')])[0]?.seq).toBe(42);
    });
  });
});
