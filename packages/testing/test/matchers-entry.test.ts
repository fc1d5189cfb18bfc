import { describe, it, expect } from 'vitest';
import '@otel-xray/testing/matchers';
import { apiTrace } from './helpers/fixtures.ts';

describe('@otel-xray/testing/matchers', () => {
  describe('when imported for its side effect', () => {
    it('installs the matchers without a registerMatchers() call', () => {
      expect(apiTrace('order-flow')).toBeOneTrace();
      expect(apiTrace('order-flow')).toHaveTraceTree({ service: 'orders' });
    });
  });
});
