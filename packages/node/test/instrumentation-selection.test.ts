import { diag, type DiagLogger } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectInstrumentations } from '../src/instrumentation-selection.ts';

const sorted = (set: Set<string>): string[] => [...set].sort();

describe('selectInstrumentations', () => {
  afterEach(() => diag.disable());

  describe('defaults', () => {
    it('enables http, undici (fetch) and aws-sdk', () => {
      expect(sorted(selectInstrumentations({}))).toEqual(['aws-sdk', 'http', 'undici']);
    });
  });

  describe('environment', () => {
    it('keeps only the enabled list', () => {
      const env = { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http, undici' };
      expect(sorted(selectInstrumentations(env))).toEqual(['http', 'undici']);
    });

    it('removes the disabled list, after the enabled one', () => {
      const env = {
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,undici',
        OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'undici',
      };
      expect(sorted(selectInstrumentations(env))).toEqual(['http']);
    });

    it('accepts the package prefix, any case, and fetch for undici', () => {
      const env = {
        OTEL_NODE_DISABLED_INSTRUMENTATIONS: '@opentelemetry/instrumentation-AWS-SDK,Fetch',
      };
      expect(sorted(selectInstrumentations(env))).toEqual(['http']);
    });

    it('treats an empty value as not set', () => {
      const env = { OTEL_NODE_ENABLED_INSTRUMENTATIONS: ' ' };
      expect(sorted(selectInstrumentations(env))).toEqual(['aws-sdk', 'http', 'undici']);
    });

    it('warns once about unknown names and names the known ones', () => {
      const warn = vi.fn();
      diag.setLogger({ warn } as unknown as DiagLogger);
      const env = { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,express,pg' };
      expect(sorted(selectInstrumentations(env))).toEqual(['http']);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/express, pg .*http, undici, aws-sdk/);
    });
  });

  describe('options', () => {
    it('win over the environment both ways', () => {
      const env = {
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http',
        OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'http',
      };
      expect(
        sorted(selectInstrumentations(env, { http: true, 'aws-sdk': true, undici: false })),
      ).toEqual(['aws-sdk', 'http']);
    });
  });
});
