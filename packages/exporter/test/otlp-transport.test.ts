import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { buildOtlpExporter } from '../src/internal/build-remote-sink.ts';
import { resolveNumbers } from '../src/internal/resolve-config.ts';
import type { ExporterStats, XRayExporterConfig } from '../src/types.ts';
import { awsError, startFakeServer } from './support/fake-xray-api.ts';
import type { FakeServer, RecordedRequest } from './support/fake-xray-api.ts';
import { finishedSpans } from './support/make-spans.ts';
import { newStats } from './support/stats.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Re-signs the received request with the same date and credentials; true when signatures match. */
async function signatureMatches(request: RecordedRequest, url: URL): Promise<boolean> {
  const authorization = String(request.headers.authorization);
  const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  // Drop the payload hash header so the signer hashes the body actually received.
  const headers = Object.fromEntries(
    signedNames
      .filter((name) => name !== 'x-amz-content-sha256')
      .map((name) => [name, String(request.headers[name])]),
  );
  const date = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
  );
  const signer = new SignatureV4({
    service: 'xray',
    region: 'eu-west-1',
    credentials,
    sha256: Sha256,
  });
  const again = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers,
      body: new Uint8Array(request.body),
    }),
    { signingDate },
  );
  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  return (
    again.headers.authorization === authorization &&
    request.headers['x-amz-content-sha256'] === bodyHash
  );
}

describe('OTLP transport (buildOtlpExporter)', () => {
  let server: FakeServer;
  let stats: ExporterStats;
  let shutdown: (() => Promise<void>) | undefined;

  beforeEach(async () => {
    server = await startFakeServer(() => ({ status: 200 }));
    stats = newStats();
  });
  afterEach(async () => {
    await shutdown?.();
    shutdown = undefined;
    await server.close();
    vi.unstubAllEnvs();
  });

  function build(config: XRayExporterConfig = {}) {
    const full: XRayExporterConfig = {
      endpoint: `${server.url}/v1/traces`,
      region: 'eu-west-1',
      credentials: () => Promise.resolve(credentials),
      initialBackoffMillis: 1,
      maxBackoffMillis: 5,
      ...config,
    };
    const built = buildOtlpExporter(full, resolveNumbers(full), stats);
    shutdown = () => built.exporter.shutdown();
    return built.exporter;
  }

  const exportSpans = (exporter: ReturnType<typeof build>, spans: ReadableSpan[]) =>
    new Promise<ExportResult>((resolve) => exporter.export(spans, resolve));

  describe('export', () => {
    it('posts the spans as OTLP/protobuf to /v1/traces, SigV4-signed for xray', async () => {
      const spans = await finishedSpans(['GET /orders', 'SQS.SendMessage']);
      const result = await exportSpans(build(), spans);
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request!.method).toBe('POST');
      expect(request!.path).toBe('/v1/traces');
      expect(request!.headers['content-type']).toBe('application/x-protobuf');
      expect(request!.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/eu-west-1\/xray\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
      );
      expect(request!.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
      expect(new Uint8Array(request!.body)).toEqual(
        ProtobufTraceSerializer.serializeRequest(spans),
      );
      expect(request!.body.includes('GET /orders')).toBe(true);
      expect(request!.body.includes('SQS.SendMessage')).toBe(true);
      const url = new URL(`${server.url}/v1/traces`);
      expect(await signatureMatches(request!, url)).toBe(true);
      expect(await signatureMatches({ ...request!, body: Buffer.from('tampered') }, url)).toBe(
        false,
      );
      expect(stats).toMatchObject({ requests: 1, sendErrors: 0, retries: 0 });
    });

    it('uses the default credential chain (static env credentials)', async () => {
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'envkey');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'envsecret');
      const result = await exportSpans(
        build({ credentials: undefined }),
        await finishedSpans(['a']),
      );
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(String(server.requests[0]!.headers.authorization)).toContain('Credential=envkey/');
    });
  });

  describe('errors', () => {
    it('retries 503 and 429 with backoff, then succeeds', async () => {
      server.respond = (_, index) =>
        index === 0
          ? awsError(503, 'ServiceUnavailable')
          : index === 1
            ? { status: 429, headers: { 'retry-after': '0' } }
            : { status: 200 };
      const result = await exportSpans(build(), await finishedSpans(['a']));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(server.requests).toHaveLength(3);
      expect(stats).toMatchObject({ requests: 3, sendErrors: 2, retries: 2 });
    });

    it('stops after maxAttempts and fails the export', async () => {
      server.respond = () => ({ status: 502 });
      const result = await exportSpans(build({ maxAttempts: 3 }), await finishedSpans(['a']));
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(server.requests).toHaveLength(3);
      expect(stats).toMatchObject({ retries: 2, sendErrors: 3 });
    });

    it('does not retry a 403', async () => {
      server.respond = () => awsError(403, 'AccessDeniedException');
      const result = await exportSpans(build(), await finishedSpans(['a']));
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(server.requests).toHaveLength(1);
    });

    it('fails without throwing when the endpoint is dead', async () => {
      const url = `${server.url}/v1/traces`;
      await server.close();
      const result = await exportSpans(
        build({ endpoint: url, maxAttempts: 2 }),
        await finishedSpans(['a']),
      );
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(stats).toMatchObject({ requests: 2, sendErrors: 2, retries: 1 });
    });
  });
});
