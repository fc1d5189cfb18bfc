import { describe, expect, it } from 'vitest';
import {
  countsOf,
  countsStatus,
  entityStatus,
  STATUS_COLOURS,
  summaryStatus,
} from '../../src/ui/lib/status.ts';

describe('status', () => {
  describe('entityStatus', () => {
    it('is ok without flags', () => {
      expect(entityStatus({})).toBe('ok');
    });
    it('puts fault above throttle above error', () => {
      expect(entityStatus({ fault: true, error: true, throttle: true })).toBe('fault');
      expect(entityStatus({ error: true, throttle: true })).toBe('throttle');
      expect(entityStatus({ error: true })).toBe('error');
    });
    it('is pending while in progress without flags', () => {
      expect(entityStatus({ in_progress: true })).toBe('pending');
      expect(entityStatus({ in_progress: true, fault: true })).toBe('fault');
    });
  });

  describe('summaryStatus', () => {
    it('reads the Has* flags with the same precedence', () => {
      expect(summaryStatus({ HasFault: true, HasError: true })).toBe('fault');
      expect(summaryStatus({ HasThrottle: true, HasError: true })).toBe('throttle');
      expect(summaryStatus({ HasError: true })).toBe('error');
      expect(summaryStatus({ IsPartial: true })).toBe('pending');
      expect(summaryStatus({})).toBe('ok');
    });
    it('reports a fault that stayed downstream (root 201, root cause in inventory)', () => {
      const cause = { Services: [{ Name: 'inventory' }], ClientImpacting: false };
      expect(summaryStatus({ Http: { HttpStatus: 201 }, FaultRootCauses: [cause] })).toBe('fault');
      expect(summaryStatus({ ErrorRootCauses: [cause] })).toBe('error');
      expect(summaryStatus({ FaultRootCauses: [], ErrorRootCauses: [] })).toBe('ok');
    });
  });

  describe('countsOf', () => {
    it('splits throttles out of errors and defaults missing members to 0', () => {
      expect(
        countsOf({
          OkCount: 5,
          TotalCount: 9,
          ErrorStatistics: { ThrottleCount: 1, OtherCount: 2, TotalCount: 3 },
          FaultStatistics: { TotalCount: 1 },
        }),
      ).toEqual({ total: 9, ok: 5, error: 2, throttle: 1, fault: 1 });
      expect(countsOf(undefined)).toEqual({ total: 0, ok: 0, error: 0, throttle: 0, fault: 0 });
    });
  });

  describe('countsStatus', () => {
    it('is the worst outcome present', () => {
      const base = { total: 3, ok: 1, error: 0, throttle: 0, fault: 0 };
      expect(countsStatus({ ...base, fault: 1, error: 1 })).toBe('fault');
      expect(countsStatus({ ...base, throttle: 1, error: 1 })).toBe('throttle');
      expect(countsStatus({ ...base, error: 1 })).toBe('error');
      expect(countsStatus(base)).toBe('ok');
      expect(countsStatus({ ...base, total: 0, ok: 0 })).toBe('pending');
    });
  });

  describe('STATUS_COLOURS', () => {
    it('gives fault red, error orange, throttle purple and ok green', () => {
      const rgb = (hex: string): [number, number, number] =>
        [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
      const [fr, fg, fb] = rgb(STATUS_COLOURS.fault);
      expect(fr).toBeGreaterThan(2 * Math.max(fg, fb));
      const [er, eg, eb] = rgb(STATUS_COLOURS.error);
      expect(er).toBeGreaterThan(eg);
      expect(eg).toBeGreaterThan(2 * eb);
      const [tr, tg, tb] = rgb(STATUS_COLOURS.throttle);
      expect(tb).toBeGreaterThan(tg);
      expect(tr).toBeGreaterThan(tg);
      const [or, og, ob] = rgb(STATUS_COLOURS.ok);
      expect(og).toBeGreaterThan(Math.max(or, ob));
    });
    it('uses a distinct colour per status', () => {
      expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(5);
    });
  });
});
