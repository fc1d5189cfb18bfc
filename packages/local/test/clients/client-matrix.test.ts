// Every kind of real client of the local X-Ray, with the same-origin guard on: they send no
// Origin and JSON or protobuf (or no) Content-Type, so none is refused. The attacks they differ
// from are in test/http/cross-site-attacks.test.ts.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  BatchGetTracesCommand,
  CreateSamplingRuleCommand,
  GetSamplingRulesCommand,
} from '@aws-sdk/client-xray';
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { XRayIdGenerator } from '@otel-xray/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSamplingTransport } from '../../../sampler/src/http-transport.ts';
import { demoTrace, nowSeconds } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { MATCH_ALL_RULE } from '../helpers/sampling-rule.ts';

const run = promisify(execFile);
let s: TestServer;
const refusals: string[] = [];

beforeAll(async () => {
  s = await startTestServer({ log: (line) => refusals.push(line) });
});
afterAll(() => s.close());

const baseRule = MATCH_ALL_RULE;

function spans(service: string): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({
    idGenerator: new XRayIdGenerator(),
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  });
  provider.getTracer('t').startSpan('GET /', { kind: SpanKind.SERVER }).end();
  return memory.getFinishedSpans();
}

async function stored(span: ReadableSpan): Promise<string[]> {
  const w3c = span.spanContext().traceId;
  const out = await s.client.send(
    new BatchGetTracesCommand({ TraceIds: [`1-${w3c.slice(0, 8)}-${w3c.slice(8)}`] }),
  );
  return (out.Traces?.[0]?.Segments ?? []).map((d) => JSON.parse(d.Document ?? '{}').name);
}

describe('real clients with the same-origin guard', () => {
  describe('@aws-sdk/client-xray', () => {
    it('puts segments, reads them back, creates and lists sampling rules', async () => {
      const { trace, documents } = demoTrace(nowSeconds() - 5);
      expect(await s.put(documents)).toMatchObject({ UnprocessedTraceSegments: [] });
      const got = await s.client.send(new BatchGetTracesCommand({ TraceIds: [trace] }));
      expect(got.Traces?.[0]?.Segments).toHaveLength(5);
      await s.client.send(
        new CreateSamplingRuleCommand({
          SamplingRule: {
            ...baseRule,
            RuleName: 'sdk-js',
            Priority: 3,
            FixedRate: 0.5,
            ReservoirSize: 1,
          },
        }),
      );
      const rules = await s.client.send(new GetSamplingRulesCommand({}));
      expect(rules.SamplingRuleRecords?.map((r) => r.SamplingRule?.RuleName)).toContain('sdk-js');
    });
  });

  describe('aws-xray-sdk-core sampling poller (ServiceConnector)', () => {
    it('fetches rules and targets over its unsigned JSON POSTs', async () => {
      const require = createRequire(join(import.meta.dirname, '../../../exporter/package.json'));
      const base = join(require.resolve('aws-xray-sdk-core'), '..');
      const daemon = require(join(base, 'daemon_config.js')) as {
        setDaemonAddress(address: string): void;
      };
      const connector = require(join(base, 'middleware/sampling/service_connector.js')) as {
        fetchSamplingRules(
          cb: (error: Error | null, rules?: Array<{ getName(): string }>) => void,
        ): void;
        fetchTargets(
          rules: unknown[],
          cb: (error: Error | null, targets?: Record<string, unknown>) => void,
        ): void;
      };
      daemon.setDaemonAddress(`127.0.0.1:${s.xray.port}`);
      const rules = await new Promise<Array<{ getName(): string }>>((resolve, reject) =>
        connector.fetchSamplingRules((e, r) => (e ? reject(e) : resolve(r ?? []))),
      );
      expect(rules.map((r) => r.getName())).toContain('Default');
      const targets = await new Promise<Record<string, unknown>>((resolve, reject) =>
        connector.fetchTargets(rules, (e, t) => (e ? reject(e) : resolve(t ?? {}))),
      );
      expect(Object.keys(targets)).toContain('Default');
    });
  });

  describe('@otel-xray/sampler http transport', () => {
    it('reads rules and targets', async () => {
      const transport = httpSamplingTransport(s.xray.endpoint);
      const rules = await transport.getSamplingRules({});
      expect(rules.SamplingRuleRecords?.length).toBeGreaterThan(0);
      const targets = await transport.getSamplingTargets({
        SamplingStatisticsDocuments: [
          {
            RuleName: 'Default',
            ClientID: '0123456789abcdef01234567',
            RequestCount: 1,
            SampledCount: 1,
            BorrowCount: 0,
            Timestamp: nowSeconds(),
          },
        ],
      });
      expect(targets.SamplingTargetDocuments?.[0]?.RuleName).toBe('Default');
    });
  });

  describe('OTLP exporters', () => {
    it('accepts the proto exporter, plain and gzip (chunked bodies)', async () => {
      for (const compression of [undefined, 'gzip'] as const) {
        const batch = spans(`otlp-proto-${compression ?? 'plain'}`);
        const exporter = new OTLPTraceExporter({
          url: `${s.xray.endpoint}/v1/traces`,
          ...(compression === undefined ? {} : { compression: 'gzip' as never }),
        });
        const result = await new Promise<{ code: number; error?: Error }>((resolve) =>
          exporter.export(batch, resolve),
        );
        await exporter.shutdown();
        expect(result.code, result.error?.message).toBe(0);
        expect(await stored(batch[0]!)).toEqual([`otlp-proto-${compression ?? 'plain'}`]);
      }
    });

    it('accepts OTLP/JSON gzip as the OTLP/HTTP JSON exporter sends it', async () => {
      const batch = spans('otlp-json-gzip');
      const res = await fetch(`${s.xray.endpoint}/v1/traces`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body: gzipSync(JsonTraceSerializer.serializeRequest(batch)!),
      });
      expect(res.status).toBe(200);
      expect(await stored(batch[0]!)).toEqual(['otlp-json-gzip']);
    });
  });

  describe('curl', () => {
    const curl = ['/usr/bin/curl', '/bin/curl'].find((p) => existsSync(p));
    it.skipIf(curl === undefined)(
      'works without an Origin when told the body is JSON',
      async () => {
        const { stdout } = await run(curl!, [
          '-sS',
          '-H',
          'Content-Type: application/json',
          '-d',
          '{}',
          `${s.xray.endpoint}/GetSamplingRules`,
        ]);
        expect(JSON.parse(stdout).SamplingRuleRecords.length).toBeGreaterThan(0);
        const { stdout: page } = await run(curl!, ['-sS', `${s.xray.endpoint}/`]);
        expect(page).toContain('<html');
      },
    );
  });

  describe('all of the above', () => {
    it('were refused nothing', () => {
      expect(refusals).toEqual([]);
      expect(s.xray.stats().httpRefused).toBe(0);
    });
  });
});
