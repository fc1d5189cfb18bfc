import { describe, it, expect } from 'vitest';
import { OutOfStockError, Stock, UnknownSkuError } from '../src/stock.ts';

describe('Stock', () => {
  describe('validate and reserve', () => {
    it('takes reserved quantities out of stock', () => {
      const stock = new Stock({ a: 3 });
      stock.validate([{ sku: 'a', qty: 2 }]);
      stock.reserve([{ sku: 'a', qty: 2 }]);
      expect(() => stock.validate([{ sku: 'a', qty: 2 }])).toThrow(OutOfStockError);
    });

    it('refuses a SKU it does not carry (the poison order)', () => {
      expect(() => new Stock({}).validate([{ sku: 'zz', qty: 1 }])).toThrow(
        new UnknownSkuError('zz'),
      );
    });
  });
});
