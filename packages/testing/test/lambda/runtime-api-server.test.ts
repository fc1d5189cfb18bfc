import { describe, it, expect, afterEach } from 'vitest';
import { request } from 'node:http';
import { startRuntimeApi } from '../../src/lambda/runtime-api-server.ts';
import type { RuntimeApiServer } from '../../src/lambda/runtime-api-server.ts';
import type { NextInvocation, RuntimeReport } from '../../src/lambda/runtime-api-types.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  api: RuntimeApiServer,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const [host, port] = api.address.split(':');
  return new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const event: NextInvocation = {
  requestId: '8476a536-e9f4-11e8-9739-2dfe598c3fcd',
  deadlineMs: 1542409706888,
  invokedFunctionArn: 'arn:aws:lambda:us-east-2:123456789012:function:custom-runtime',
  traceId: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
  clientContext: '{"custom":{"a":1}}',
  payload: '{"hello":"world"}',
};

let api: RuntimeApiServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function backend(answer: 'accepted' | 'unknown-request' | 'not-expected' = 'accepted') {
  const reports: RuntimeReport[] = [];
  return {
    reports,
    next: () => Promise.resolve(event),
    report: (r: RuntimeReport) => {
      reports.push(r);
      return answer;
    },
  };
}

describe('startRuntimeApi', () => {
  describe('GET /invocation/next', () => {
    it('hands out the event with the documented headers', async () => {
      api = await startRuntimeApi(backend());
      expect(api.address).toMatch(/^127\.0\.0\.1:\d+$/);
      const reply = await call(api, 'GET', '/2018-06-01/runtime/invocation/next');
      expect(reply.status).toBe(200);
      expect(reply.body).toBe('{"hello":"world"}');
      expect(reply.headers).toMatchObject({
        'lambda-runtime-aws-request-id': event.requestId,
        'lambda-runtime-deadline-ms': '1542409706888',
        'lambda-runtime-invoked-function-arn': event.invokedFunctionArn,
        'lambda-runtime-trace-id': event.traceId,
        'lambda-runtime-client-context': '{"custom":{"a":1}}',
      });
      expect(reply.headers['lambda-runtime-cognito-identity']).toBeUndefined();
    });
  });

  describe('POST /invocation/{id}/response', () => {
    it('accepts the response with 202', async () => {
      const b = backend();
      api = await startRuntimeApi(b);
      const reply = await call(
        api,
        'POST',
        `/2018-06-01/runtime/invocation/${event.requestId}/response`,
        '"ok"',
      );
      expect(reply).toMatchObject({ status: 202, body: '{"status":"OK"}' });
      expect(b.reports).toEqual([
        { kind: 'response', requestId: event.requestId, payload: '"ok"' },
      ]);
    });

    it('answers 400 InvalidRequestID for an unknown request', async () => {
      api = await startRuntimeApi(backend('unknown-request'));
      const reply = await call(api, 'POST', '/2018-06-01/runtime/invocation/nope/response', '{}');
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual({
        errorType: 'InvalidRequestID',
        errorMessage: 'Invalid request ID',
      });
    });

    it('answers 403 for a second report of the same request', async () => {
      api = await startRuntimeApi(backend('not-expected'));
      const reply = await call(
        api,
        'POST',
        `/2018-06-01/runtime/invocation/${event.requestId}/response`,
        '{}',
      );
      expect(reply.status).toBe(403);
    });

    it('refuses a response over 6 MB with 413 and reports it as the function error', async () => {
      const b = backend();
      api = await startRuntimeApi(b);
      const big = Buffer.alloc(6_291_557, 'a');
      const reply = await call(
        api,
        'POST',
        `/2018-06-01/runtime/invocation/${event.requestId}/response`,
        big,
      );
      expect(reply.status).toBe(413);
      expect(b.reports[0]).toMatchObject({
        kind: 'error',
        errorType: 'Function.ResponseSizeTooLarge',
      });
    });
  });

  describe('POST /invocation/{id}/error', () => {
    it('passes the error type, body and X-Ray cause on', async () => {
      const b = backend();
      api = await startRuntimeApi(b);
      const body = '{"errorMessage":"boom","errorType":"TypeError","stackTrace":[]}';
      const reply = await call(
        api,
        'POST',
        `/2018-06-01/runtime/invocation/${event.requestId}/error`,
        body,
        {
          'Lambda-Runtime-Function-Error-Type': 'TypeError',
          'Lambda-Runtime-Function-XRay-Error-Cause': '{"exceptions":[]}',
        },
      );
      expect(reply.status).toBe(202);
      expect(b.reports).toEqual([
        {
          kind: 'error',
          requestId: event.requestId,
          errorType: 'TypeError',
          payload: body,
          xrayCause: '{"exceptions":[]}',
        },
      ]);
    });

    it('defaults the error type to Runtime.Unknown', async () => {
      const b = backend();
      api = await startRuntimeApi(b);
      await call(
        api,
        'POST',
        `/2018-06-01/runtime/invocation/${event.requestId}/error`,
        'not json',
      );
      expect(b.reports[0]).toMatchObject({ errorType: 'Runtime.Unknown', payload: 'not json' });
    });
  });

  describe('POST /init/error', () => {
    it('reports the init error', async () => {
      const b = backend();
      api = await startRuntimeApi(b);
      const reply = await call(
        api,
        'POST',
        '/2018-06-01/runtime/init/error',
        '{"errorMessage":"x"}',
        {
          'Lambda-Runtime-Function-Error-Type': 'Runtime.ImportModuleError',
        },
      );
      expect(reply.status).toBe(202);
      expect(b.reports).toEqual([
        {
          kind: 'init-error',
          errorType: 'Runtime.ImportModuleError',
          payload: '{"errorMessage":"x"}',
        },
      ]);
    });
  });

  describe('with malformed requests', () => {
    it('answers unknown paths and wrong methods with JSON errors and keeps serving', async () => {
      api = await startRuntimeApi(backend());
      expect((await call(api, 'GET', '/nope')).status).toBe(404);
      expect((await call(api, 'GET', '/2018-06-01/runtime/invocation/x/y')).status).toBe(405);
      expect((await call(api, 'POST', '/2018-06-01/runtime/invocation/next')).status).toBe(405);
      expect(
        (await call(api, 'POST', '/2018-06-01/runtime/invocation/%E0%A4%A/response', '{}')).status,
      ).toBe(400);
      expect((await call(api, 'GET', '/2018-06-01/runtime/invocation/next')).status).toBe(200);
    });
  });
});
