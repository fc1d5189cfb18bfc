import { describe, expect, it } from 'vitest';
import { BodyReservation, overBudget } from '../../src/http/body-reservation.ts';
import { ByteBudget } from '../../src/ingest/byte-budget.ts';

describe('BodyReservation', () => {
  describe('take and release', () => {
    it('holds bytes in the shared budget until released, once', () => {
      const budget = new ByteBudget(100);
      const a = new BodyReservation(budget);
      const b = new BodyReservation(budget);
      expect(a.take(60)).toBe(true);
      expect(b.take(50)).toBe(false);
      expect(b.take(40)).toBe(true);
      expect(budget.used).toBe(100);
      a.release();
      a.release();
      expect(budget.used).toBe(40);
      expect(b.take(10)).toBe(true);
      b.release();
      expect(budget.used).toBe(0);
    });
  });

  describe('overBudget', () => {
    it('is a 503 with Retry-After that names the option', () => {
      const error = overBudget(new ByteBudget(1024));
      expect(error.status).toBe(503);
      expect(error.code).toBe('ServiceUnavailableException');
      expect(error.headers['Retry-After']).toBe('1');
      expect(error.message).toContain('--max-queue-bytes');
    });
  });
});
