import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatClock,
  formatDurationMs,
  groupThousands,
  plural,
  shortResourceName,
} from '../../src/ui/lib/format.ts';

describe('format', () => {
  describe('formatDurationMs', () => {
    it('shows sub-millisecond durations with two decimals', () => {
      expect(formatDurationMs(0.00042)).toBe('0.42 ms');
    });
    it('shows durations under 100 ms with one decimal', () => {
      expect(formatDurationMs(0.0123)).toBe('12.3 ms');
      expect(formatDurationMs(0.001)).toBe('1.0 ms');
    });
    it('shows longer durations as whole milliseconds with separators', () => {
      expect(formatDurationMs(0.1234)).toBe('123 ms');
      expect(formatDurationMs(12.3456)).toBe('12,346 ms');
    });
    it('shows a dash for missing or invalid durations', () => {
      expect(formatDurationMs(undefined)).toBe('–');
      expect(formatDurationMs(Number.NaN)).toBe('–');
      expect(formatDurationMs(-1)).toBe('–');
    });
  });

  describe('groupThousands', () => {
    it('separates groups of three digits', () => {
      expect(groupThousands(1234567)).toBe('1,234,567');
      expect(groupThousands(999)).toBe('999');
    });
  });

  describe('formatClock', () => {
    it('formats epoch seconds as a UTC time of day with milliseconds', () => {
      expect(formatClock(1_700_000_000.5)).toBe('22:13:20.500');
    });
    it('shifts by the given zone offset', () => {
      expect(formatClock(1_700_000_000.5, 90)).toBe('23:43:20.500');
    });
    it('shows a dash without a time', () => {
      expect(formatClock(undefined)).toBe('–');
    });
  });

  describe('plural', () => {
    it('uses the singular for one', () => {
      expect(plural(1, 'trace')).toBe('1 trace');
      expect(plural(1200, 'trace')).toBe('1,200 traces');
    });
  });

  describe('shortResourceName', () => {
    it('keeps the last part of an ARN', () => {
      expect(shortResourceName('arn:aws:sns:us-east-1:000000000000:order-events')).toBe(
        'order-events',
      );
      expect(shortResourceName('arn:aws:lambda:us-east-1:1:function:ship')).toBe('ship');
      expect(shortResourceName('arn:aws:dynamodb:us-east-1:1:table/orders')).toBe('orders');
    });
    it('keeps the last path segment of a URL', () => {
      expect(shortResourceName('http://localhost:4566/000000000000/shipping-queue/')).toBe(
        'shipping-queue',
      );
    });
    it('leaves plain names alone', () => {
      expect(shortResourceName('orders')).toBe('orders');
      expect(shortResourceName('http://host')).toBe('http://host');
    });
  });

  describe('formatDateTime', () => {
    it('writes the date and time of day in the viewer’s zone', () => {
      expect(formatDateTime(1_733_337_600.25, 0)).toBe('2024-12-04 18:40:00.250');
      expect(formatDateTime(1_733_337_600, 6 * 60)).toBe('2024-12-05 00:40:00.000');
      expect(formatDateTime(undefined)).toBe('–');
    });
  });
});
