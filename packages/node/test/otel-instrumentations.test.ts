// `instrumentation: 'otel'` loads its instrumentation packages when chosen; when they cannot be
// loaded (an application bundled without them), startTracing logs why and traces in lean mode
// instead of throwing into the application.
import { diag, DiagLogLevel, SpanKind, type DiagLogger } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import http from 'node:http';
import type * as NodeModule from 'node:module';
import { once } from 'node:events';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { TracingHandle } from '../src/index.ts';

// Only the three otel-mode packages are missing; every other require works as usual.
const missing = new Set([
  '@opentelemetry/instrumentation-http',
  '@opentelemetry/instrumentation-undici',
  '@opentelemetry/instrumentation-aws-sdk',
]);
vi.mock('node:module', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeModule>();
  const createRequire = (from: string | URL): NodeJS.Require => {
    const real = actual.createRequire(from);
    const fake = ((id: string): unknown => {
      if (missing.has(id)) throw new Error(`Cannot find module '${id}'`);
      return real(id) as unknown;
    }) as NodeJS.Require;
    return Object.assign(fake, { resolve: real.resolve, cache: real.cache });
  };
  return { ...actual, createRequire, default: { ...actual, createRequire } };
});

const { otelInstrumentations } = await import('../src/otel-instrumentations.ts');

const errors: string[] = [];
const logger: DiagLogger = {
  error: (message: string) => errors.push(message),
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
};

describe('otel mode without its instrumentation packages', () => {
  const memory = new InMemorySpanExporter();
  let tracing: TracingHandle | undefined;

  afterAll(async () => {
    await tracing?.shutdown();
    diag.disable();
  });

  it('returns undefined and says what to do instead of throwing', () => {
    diag.setLogger(logger, DiagLogLevel.ERROR);
    expect(otelInstrumentations()).toBeUndefined();
    expect(errors.join('\n')).toMatch(/instrumentation-http.*keep them external.*using lean/s);
  });

  it('loads them through the loader it is given', () => {
    const loaded = otelInstrumentations((id) => ({
      HttpInstrumentation: `${id} http`,
      UndiciInstrumentation: `${id} undici`,
      AwsInstrumentation: `${id} aws`,
    }));
    expect(loaded).toEqual({
      HttpInstrumentation: '@opentelemetry/instrumentation-http http',
      UndiciInstrumentation: '@opentelemetry/instrumentation-undici undici',
      AwsInstrumentation: '@opentelemetry/instrumentation-aws-sdk aws',
    });
  });

  // (Its diag error goes to the console logger startTracing installs; the first test reads it.)
  it('startTracing falls back to the lean instrumentation, which traces the server', async () => {
    // The successful load above is cached; this start must see the failing require again.
    vi.resetModules();
    const fresh = await import('../src/index.ts');
    tracing = fresh.startTracing({
      serviceName: 'fallback-test',
      sampler: 'always_on',
      spanExporter: { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {} },
      spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
      handleSignals: false,
      awsSdk: false,
      instrumentation: 'otel',
    });
    const server = http.createServer((_req, res) => res.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    expect(await (await fetch(`http://127.0.0.1:${port}/x`)).text()).toBe('ok');
    server.close();
    await vi.waitFor(() =>
      expect(memory.getFinishedSpans().some((s) => s.kind === SpanKind.SERVER)).toBe(true),
    );
    const scopes = memory.getFinishedSpans().map((s) => s.instrumentationScope.name);
    expect(scopes).toContain('@otel-xray/node');
    expect(scopes).not.toContain('@opentelemetry/instrumentation-http');
  });
});
