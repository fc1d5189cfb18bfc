import { describe, expect, it } from 'vitest';
import { compileWildcard } from '../src/internal/wildcard.ts';

describe('compileWildcard', () => {
  describe('matching', () => {
    it.each([
      ['*', 'anything', true],
      ['*', '', true],
      ['*', undefined, true],
      ['GET', 'get', true],
      ['GET', 'GETS', false],
      ['GET', undefined, false],
      ['/api/*', '/API/orders', true],
      ['/api/*', '/api', false],
      ['/api/*', '/api/', true],
      ['*.example.com', 'shop.EXAMPLE.com', true],
      ['*.example.com', 'example.com', false],
      ['/orders/?', '/orders/7', true],
      ['/orders/?', '/orders/77', false],
      ['/orders/?', '/orders/', false],
      ['a*b*c', 'aXXbYYc', true],
      ['a*b*c', 'aXXcYYb', false],
      ['5*', '503', true],
      ['5*', '404', false],
      ['/a.b', '/aXb', false],
      ['(x)+', '(x)+', true],
      ['', '', true],
      ['', 'x', false],
      ['*a', 'line\nbreak a', true],
    ])('%j against %j is %s', (pattern, value, expected) => {
      expect(compileWildcard(pattern)(value)).toBe(expected);
    });
  });
});
