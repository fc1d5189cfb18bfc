import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  resolveNumbers,
  resolveRegion,
  resolveTransportName,
} from '../src/internal/resolve-config.ts';
import { captureDiag } from './support/diag-capture.ts';
import type { DiagCapture } from './support/diag-capture.ts';

describe('resolve-config', () => {
  let logs: DiagCapture;
  beforeEach(() => {
    logs = captureDiag();
  });
  afterEach(() => logs.restore());

  describe('resolveNumbers', () => {
    it('gives the documented defaults', () => {
      expect(resolveNumbers({})).toEqual({
        maxQueueSize: 2048,
        maxBatchSize: 50,
        maxRequestBytes: 2 * 1024 * 1024,
        maxDocumentBytes: 64 * 1024,
        maxAttempts: 3,
        initialBackoffMillis: 100,
        maxBackoffMillis: 2000,
        timeoutMillis: 5000,
        concurrencyLimit: 2,
        flushTimeoutMillis: 5000,
        statsIntervalMillis: 60_000,
      });
      expect(logs.warn).toEqual([]);
    });

    it('warns once per bad value and uses the default', () => {
      const numbers = resolveNumbers({
        maxBatchSize: 500,
        maxQueueSize: -1,
        timeoutMillis: Number.NaN,
      });
      expect(numbers).toMatchObject({ maxBatchSize: 50, maxQueueSize: 2048, timeoutMillis: 5000 });
      expect(logs.warn).toHaveLength(3);
      expect(logs.warn[0]).toContain('maxQueueSize');
    });

    it('keeps valid values', () => {
      expect(resolveNumbers({ maxBatchSize: 10, maxDocumentBytes: 300 })).toMatchObject({
        maxBatchSize: 10,
        maxDocumentBytes: 300,
      });
    });
  });

  describe('resolveTransportName', () => {
    it('defaults to udp and warns for an unknown name', () => {
      expect(resolveTransportName(undefined)).toBe('udp');
      expect(resolveTransportName('api')).toBe('api');
      expect(resolveTransportName('carrier-pigeon')).toBe('udp');
      expect(logs.warn).toHaveLength(1);
    });
  });

  describe('resolveRegion', () => {
    it('prefers config, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
      expect(resolveRegion('eu-west-1', { AWS_REGION: 'us-east-1' })).toBe('eu-west-1');
      expect(resolveRegion(undefined, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'x' })).toBe(
        'us-east-1',
      );
      expect(resolveRegion(undefined, { AWS_DEFAULT_REGION: 'ap-south-1' })).toBe('ap-south-1');
      expect(resolveRegion(undefined, {})).toBeUndefined();
    });
  });
});
