import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiTransport } from '../src/internal/api-transport.ts';
import type { ApiTransportOptions } from '../src/internal/api-transport.ts';
import type { DocumentTransport } from '../src/internal/document-transport.ts';
import { createXRayClient } from '../src/internal/xray-client.ts';
import type { ExporterStats } from '../src/types.ts';
import { awsError, documentsOf, startFakeServer } from './support/fake-xray-api.ts';
import type { FakeServer } from './support/fake-xray-api.ts';
import { newStats } from './support/stats.ts';

const doc = (i: number): string =>
  JSON.stringify({
    name: 'svc',
    id: i.toString(16).padStart(16, '0'),
    trace_id: '1-5759e988-bd862e3fe1be46a994272793',
    start_time: 1,
    end_time: 2,
  });

describe('createApiTransport', () => {
  let server: FakeServer;
  let transport: DocumentTransport | undefined;
  let stats: ExporterStats;

  beforeEach(async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
    vi.stubEnv('AWS_REGION', 'us-east-1');
    server = await startFakeServer();
    stats = newStats();
  });
  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
    await server.close();
    vi.unstubAllEnvs();
  });

  function make(
    options: Partial<ApiTransportOptions> = {},
    endpoint: string | undefined = server.url,
  ): DocumentTransport {
    transport = createApiTransport({
      client: createXRayClient({ endpoint }),
      stats,
      maxBatchDocuments: 50,
      maxRequestBytes: 2 * 1024 * 1024,
      timeoutMillis: 2000,
      concurrency: 1,
      maxAttempts: 3,
      initialBackoffMillis: 1,
      maxBackoffMillis: 5,
      ...options,
    });
    return transport;
  }

  describe('a successful call', () => {
    it('posts the documents to /TraceSegments, SigV4-signed for xray', async () => {
      const docs = [doc(1), doc(2)];
      expect(await make().send(docs)).toEqual([true, true]);
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request!.method).toBe('POST');
      expect(request!.path).toBe('/TraceSegments');
      expect(documentsOf(request!)).toEqual(docs);
      expect(request!.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/xray\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/,
      );
      expect(request!.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
      expect(stats).toMatchObject({ requests: 1, retries: 0, sendErrors: 0 });
    });

    it('finds the endpoint in AWS_ENDPOINT_URL_XRAY without configuration', async () => {
      vi.stubEnv('AWS_ENDPOINT_URL_XRAY', server.url);
      expect(await make({}, undefined).send([doc(1)])).toEqual([true]);
      expect(server.requests).toHaveLength(1);
    });

    it('finds the endpoint in AWS_ENDPOINT_URL without configuration', async () => {
      vi.stubEnv('AWS_ENDPOINT_URL', server.url);
      expect(await make({}, undefined).send([doc(1)])).toEqual([true]);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('batch limits', () => {
    it('caps documents per call at 50', () => {
      expect(make({ maxBatchDocuments: 500 }).maxBatchDocuments).toBe(50);
    });

    it('measures a document as its escaped JSON string plus a comma', () => {
      expect(make().cost('{"a":"b"}')).toBe(Buffer.byteLength(JSON.stringify('{"a":"b"}')) + 1);
    });
  });

  describe('UnprocessedTraceSegments', () => {
    it('retries the retryable ones and gives up on invalid ones', async () => {
      server.respond = (request, index) => {
        if (index > 0) return { status: 200, body: {} };
        return {
          status: 200,
          body: {
            UnprocessedTraceSegments: [
              {
                Id: JSON.parse(documentsOf(request)[0]!).id,
                ErrorCode: 'ThrottledException',
                Message: 'slow down',
              },
              {
                Id: JSON.parse(documentsOf(request)[1]!).id,
                ErrorCode: 'InvalidTraceId',
                Message: 'too old',
              },
            ],
          },
        };
      };
      const docs = [doc(1), doc(2), doc(3)];
      expect(await make().send(docs)).toEqual([true, false, true]);
      expect(server.requests.map(documentsOf)).toEqual([docs, [docs[0]]]);
      expect(stats).toMatchObject({ unprocessed: 2, retries: 1, requests: 2 });
    });
  });

  describe('throttling and 5xx', () => {
    it('retries a 429 ThrottledException, then succeeds', async () => {
      server.respond = (_, index) =>
        index === 0 ? awsError(429, 'ThrottledException') : { status: 200, body: {} };
      expect(await make().send([doc(1)])).toEqual([true]);
      expect(server.requests).toHaveLength(2);
      expect(stats).toMatchObject({ retries: 1, sendErrors: 1, requests: 2 });
    });

    it('retries 5xx until the attempt bound, then reports failure', async () => {
      server.respond = () => awsError(503, 'ServiceUnavailableException');
      expect(await make({ maxAttempts: 4 }).send([doc(1), doc(2)])).toEqual([false, false]);
      expect(server.requests).toHaveLength(4);
      expect(stats).toMatchObject({ retries: 3, sendErrors: 4, requests: 4 });
    });

    it('does not retry other 4xx errors', async () => {
      server.respond = () => awsError(400, 'InvalidRequestException');
      expect(await make().send([doc(1)])).toEqual([false]);
      expect(server.requests).toHaveLength(1);
      expect(stats).toMatchObject({ retries: 0, sendErrors: 1 });
    });

    it('waits with jittered exponential backoff bounded by the maximum', async () => {
      server.respond = () => awsError(500, 'InternalFailure');
      const delays: number[] = [];
      const random = vi.fn(() => 0.999);
      const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
      await make({ maxAttempts: 5, initialBackoffMillis: 2, maxBackoffMillis: 10, random }).send([
        doc(1),
      ]);
      for (const call of setTimeoutSpy.mock.calls)
        if (typeof call[1] === 'number' && call[1] <= 10) delays.push(call[1]);
      setTimeoutSpy.mockRestore();
      expect(random).toHaveBeenCalledTimes(4);
      expect(delays).toEqual([1, 3, 7, 9]);
    });
  });

  describe('a dead endpoint', () => {
    it('retries connection errors within the bound and reports failure', async () => {
      const url = server.url;
      await server.close();
      expect(await make({ maxAttempts: 2 }, url).send([doc(1)])).toEqual([false]);
      expect(stats).toMatchObject({ retries: 1, sendErrors: 2, requests: 2 });
    });
  });

  describe('shutdown', () => {
    it('aborts a pending backoff', async () => {
      server.respond = () => awsError(503, 'ServiceUnavailableException');
      const t = make({
        maxAttempts: 10,
        initialBackoffMillis: 60_000,
        maxBackoffMillis: 60_000,
        random: () => 0.5,
      });
      const sending = t.send([doc(1)]);
      await expect.poll(() => server.requests.length, { timeout: 10_000 }).toBe(1);
      await t.shutdown();
      expect(await sending).toEqual([false]);
      expect(server.requests).toHaveLength(1);
    });
  });
});
