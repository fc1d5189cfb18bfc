import { describe, it, expect } from 'vitest';
import { parseOrderPlaced } from '../src/order-message.ts';

const event = { type: 'OrderPlaced', order: { id: 'o-1', lines: [{ sku: 's', qty: 1 }] } };

describe('order-message', () => {
  describe('parseOrderPlaced', () => {
    it('reads the bare event (raw delivery) and the SNS envelope', () => {
      expect(parseOrderPlaced(JSON.stringify(event))).toEqual({ ok: true, value: event });
      const envelope = { Type: 'Notification', Message: JSON.stringify(event) };
      expect(parseOrderPlaced(JSON.stringify(envelope))).toEqual({ ok: true, value: event });
    });

    it.each([
      [undefined, 'body is not JSON'],
      ['nope', 'body is not JSON'],
      [JSON.stringify({ Type: 'Notification', Message: '{' }), 'body is not JSON'],
      [JSON.stringify({ type: 'Other' }), 'not an OrderPlaced event'],
      [
        JSON.stringify({ type: 'OrderPlaced', order: { id: 1, lines: [] } }),
        'order id or lines missing',
      ],
      [
        JSON.stringify({ type: 'OrderPlaced', order: { id: 'o', lines: [{ sku: 's' }] } }),
        'bad order lines',
      ],
    ])('says why %j is unusable', (body, error) => {
      expect(parseOrderPlaced(body)).toEqual({ ok: false, error });
    });
  });
});
