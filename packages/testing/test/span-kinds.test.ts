import { describe, it, expect } from 'vitest';
import { buildTrace } from '../src/index.ts';
import { missingSpans } from '../src/instrumentation/span-kinds.ts';
import { apiTrace } from './helpers/fixtures.ts';

const trace = buildTrace(apiTrace('order-flow'));

describe('missingSpans', () => {
  describe('for a service with an HTTP server segment and an SNS call', () => {
    it('finds http.server and aws.sdk, and misses http.client', () => {
      expect(missingSpans([trace], 'orders', ['http.server', 'aws.sdk', 'http.client'])).toEqual([
        'http.client',
      ]);
    });
  });

  describe('for a queue consumer that calls back over HTTP', () => {
    it('misses http.server and aws.sdk, and matches subsegment names', () => {
      const spans = ['http.server', 'http.client', 'aws.sdk', /^127\./, /^validate/] as const;
      expect(missingSpans([trace], 'shipping', spans)).toEqual([
        'http.server',
        'aws.sdk',
        /^validate/,
      ]);
    });
  });

  describe('for a service absent from the traces', () => {
    it('misses everything', () => {
      expect(missingSpans([trace], 'billing', ['aws.sdk'])).toEqual(['aws.sdk']);
    });
  });
});
