import { describe, it, expect } from 'vitest';
import { parseOrderRequest } from '../src/orders.ts';

describe('orders', () => {
  describe('parseOrderRequest', () => {
    it('accepts an order and defaults the tier to standard', () => {
      expect(parseOrderRequest({ customerId: 'c', lines: [{ sku: 's', qty: 2 }] })).toEqual({
        ok: true,
        value: { customerId: 'c', customerTier: 'standard', lines: [{ sku: 's', qty: 2 }] },
      });
    });

    it.each([
      [null, 'body must be a JSON object'],
      [{ lines: [{ sku: 's', qty: 1 }] }, 'customerId is required'],
      [
        { customerId: 'c', customerTier: 'vip', lines: [{ sku: 's', qty: 1 }] },
        'customerTier must be standard, gold or enterprise',
      ],
      [{ customerId: 'c', lines: [] }, 'lines must be a non-empty array (at most 50)'],
      [
        { customerId: 'c', lines: [{ sku: 's', qty: 0 }] },
        'each line needs a sku (string) and qty (integer ≥ 1)',
      ],
      [{ customerId: 'c', lines: [null] }, 'each line needs a sku (string) and qty (integer ≥ 1)'],
    ])('refuses %j: %s', (body, error) => {
      expect(parseOrderRequest(body)).toEqual({ ok: false, error });
    });
  });
});
