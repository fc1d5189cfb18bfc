// A tiny HTTP server on 127.0.0.1 posing as LocalStack's Lambda API: it records every request the
// real AWS SDK sends and answers just enough for create → wait Active → map → invoke → delete.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded request. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Options: how the fake answers. */
export interface FakeLambdaOptions {
  /** States GetFunction reports, in turn (the last repeats). Default Pending, then Active. */
  states?: string[];
  /** Fail CreateFunction with this status and body. */
  createFails?: { status: number; body: unknown };
}

export interface RecordingLambdaApi {
  endpoint: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecordingLambdaApi(
  options: FakeLambdaOptions = {},
): Promise<RecordingLambdaApi> {
  const requests: RecordedRequest[] = [];
  const states = [...(options.states ?? ['Pending', 'Active'])];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      const route = `${req.method} ${path}`;
      if (route === 'POST /2015-03-31/functions') {
        if (options.createFails)
          return json(options.createFails.status, options.createFails.body, {
            'x-amzn-errortype': 'ServiceException',
          });
        return json(201, { FunctionName: 'notifications', State: 'Pending' });
      }
      if (/^GET \/2015-03-31\/functions\/[^/]+$/.test(route)) {
        const state = states.length > 1 ? states.shift()! : states[0]!;
        return json(200, { Configuration: { FunctionName: 'notifications', State: state } });
      }
      if (/^GET \/2015-03-31\/functions\/[^/]+\/configuration$/.test(route)) {
        const state = states.length > 1 ? states.shift()! : states[0]!;
        return json(200, { FunctionName: 'notifications', State: state });
      }
      if (route === 'POST /2015-03-31/event-source-mappings')
        return json(202, { UUID: 'mapping-1', State: 'Creating' });
      if (/^POST \/2015-03-31\/functions\/[^/]+\/invocations$/.test(route)) {
        const failing = body.includes('"fail"');
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(failing ? { 'x-amz-function-error': 'Unhandled' } : {}),
        });
        return res.end(
          failing ? '{"errorType":"Error","errorMessage":"boom"}' : '{"batchItemFailures":[]}',
        );
      }
      if (req.method === 'DELETE') {
        res.writeHead(path.includes('event-source-mappings') ? 202 : 204);
        return res.end(path.includes('event-source-mappings') ? '{}' : '');
      }
      json(
        404,
        { message: `no route ${route}` },
        { 'x-amzn-errortype': 'ResourceNotFoundException' },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
