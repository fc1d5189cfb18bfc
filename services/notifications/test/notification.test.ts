import { describe, it, expect } from 'vitest';
import { composeNotification, UndeliverableError } from '../src/notification.ts';

const placed = (order: Record<string, unknown>): string =>
  JSON.stringify({ type: 'OrderPlaced', order });

describe('composeNotification', () => {
  describe('for an OrderPlaced event', () => {
    it('tells the customer by e-mail, counting the items', () => {
      const n = composeNotification(
        placed({
          id: 'o-1',
          customerId: 'c-1',
          customerTier: 'gold',
          lines: [
            { sku: 'a', qty: 2 },
            { sku: 'b', qty: 1 },
          ],
        }),
      );
      expect(n).toEqual({
        orderId: 'o-1',
        customerId: 'c-1',
        channels: ['email'],
        text: 'Order o-1 received: 3 items.',
      });
    });

    it('calls enterprise customers as well', () => {
      const n = composeNotification(
        placed({
          id: 'o-2',
          customerId: 'c-2',
          customerTier: 'enterprise',
          lines: [{ sku: 'a', qty: 1 }],
        }),
      );
      expect(n.channels).toEqual(['email', 'phone']);
      expect(n.text).toBe('Order o-2 received: 1 item.');
    });
  });

  describe('for what cannot be delivered', () => {
    it.each([
      ['a bounced customer', placed({ id: 'o-3', customerId: 'c-bounce' }), /c-bounce bounced/],
      ['a body that is not JSON', '{', /not JSON/],
      ['another event', JSON.stringify({ type: 'OrderCancelled' }), /not an OrderPlaced/],
      ['an order without customer', placed({ id: 'o-4' }), /without order id or customer/],
    ])('throws UndeliverableError for %s', (_what, body, message) => {
      expect(() => composeNotification(body)).toThrow(UndeliverableError);
      expect(() => composeNotification(body)).toThrow(message);
    });
  });
});
