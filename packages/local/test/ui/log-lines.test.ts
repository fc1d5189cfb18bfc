import { describe, expect, it } from 'vitest';
import {
  attributeText,
  levelClass,
  linesOfSegment,
  matchesLogSearch,
  segmentLabel,
  type LogLine,
} from '../../src/ui/lib/log-lines.ts';

const line = (message: string, extra: Partial<LogLine> = {}): LogLine => ({
  time: 1,
  service: 's',
  level: 'info',
  message,
  ...extra,
});

describe('log-lines', () => {
  describe('attributeText', () => {
    it('writes strings bare and other values as JSON', () => {
      expect(attributeText({ orderId: 'o-1', n: 2, ok: true, list: [1] })).toBe(
        'orderId=o-1 n=2 ok=true list=[1]',
      );
      expect(attributeText(undefined)).toBe('');
    });
  });

  describe('matchesLogSearch', () => {
    it('matches the message or the attributes, ignoring case; an empty query matches all', () => {
      const l = line('Payment FAILED', { attributes: { sku: 'SKU-42' } });
      expect(matchesLogSearch(l, 'failed')).toBe(true);
      expect(matchesLogSearch(l, 'sku-42')).toBe(true);
      expect(matchesLogSearch(l, '  ')).toBe(true);
      expect(matchesLogSearch(l, 'shipped')).toBe(false);
    });
  });

  describe('linesOfSegment', () => {
    it('keeps the lines of one segment in order', () => {
      const lines = [line('a', { segmentId: 'x' }), line('b'), line('c', { segmentId: 'x' })];
      expect(linesOfSegment(lines, 'x').map((l) => l.message)).toEqual(['a', 'c']);
    });
  });

  describe('levelClass', () => {
    it.each([
      ['error', 'error'],
      ['FATAL', 'error'],
      ['warning', 'warn'],
      ['info', 'info'],
      ['trace', 'debug'],
      ['unspecified', 'other'],
    ])('classes %s as %s', (level, cls) => {
      expect(levelClass(level)).toBe(cls);
    });
  });

  describe('segmentLabel', () => {
    it('names the row, else shows the ID, else nothing', () => {
      const rows = [{ id: 'a1', name: 'reserve-stock' }];
      expect(segmentLabel('a1', rows)).toBe('reserve-stock');
      expect(segmentLabel('b2', rows)).toBe('b2');
      expect(segmentLabel(undefined, rows)).toBe('');
    });
  });
});
