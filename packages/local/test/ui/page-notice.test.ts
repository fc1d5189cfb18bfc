import { describe, expect, it } from 'vitest';
import { emptyNotice, isUnreachable, unreachableNotice } from '../../src/ui/lib/page-notice.ts';

const at = { origin: 'http://127.0.0.1:2000', host: '127.0.0.1:2000' };

describe('page notice', () => {
  describe('isUnreachable', () => {
    it('is true only for a call that never reached the server', () => {
      expect(isUnreachable({ status: 0 })).toBe(true);
      expect(isUnreachable({ status: 400 })).toBe(false);
      expect(isUnreachable({ status: 500 })).toBe(false);
      expect(isUnreachable(undefined)).toBe(false);
    });
  });

  describe('unreachableNotice', () => {
    it('names the origin and asks whether the server runs', () => {
      expect(unreachableNotice(at.origin).text).toBe(
        'local X-Ray not reachable at http://127.0.0.1:2000 — is otel-xray-local running?',
      );
    });
  });

  describe('emptyNotice', () => {
    it('says how to send traces when nothing is stored', () => {
      const n = emptyNotice({ ...at, stored: 0, filter: '' });
      expect(n.kind).toBe('empty-store');
      expect(n.commands).toEqual([
        'AWS_XRAY_DAEMON_ADDRESS=127.0.0.1:2000',
        'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:2000/v1/traces',
      ]);
    });

    it('blames the range or the filter when traces are stored (or the count is unknown)', () => {
      expect(emptyNotice({ ...at, stored: 5, filter: '' }).text).toContain('widen the window');
      const filtered = emptyNotice({ ...at, stored: undefined, filter: 'fault' });
      expect(filtered).toMatchObject({ kind: 'no-match', commands: [] });
      expect(filtered.text).toContain('change the filter');
    });
  });
});
