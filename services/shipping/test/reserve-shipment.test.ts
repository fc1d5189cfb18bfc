import { describe, it, expect } from 'vitest';
import { parseReserveShipment } from '../src/reserve-shipment.ts';

describe('reserve-shipment', () => {
  describe('parseReserveShipment', () => {
    it('reads a ReserveShipment', () => {
      const body = {
        type: 'ReserveShipment',
        orderId: 'o',
        line: { sku: 's', qty: 2 },
        lineIndex: 1,
      };
      expect(parseReserveShipment(JSON.stringify(body))).toEqual({ ok: true, value: body });
    });

    it.each([
      ['{', 'body is not JSON'],
      ['null', 'not a ReserveShipment'],
      [JSON.stringify({ type: 'ReserveShipment' }), 'orderId missing'],
      [
        JSON.stringify({ type: 'ReserveShipment', orderId: 'o', line: { sku: 's', qty: 'x' } }),
        'line missing or malformed',
      ],
    ])('says why %j is unusable', (body, error) => {
      expect(parseReserveShipment(body)).toEqual({ ok: false, error });
    });
  });
});
