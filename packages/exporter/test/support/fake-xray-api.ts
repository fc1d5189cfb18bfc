import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What to answer: status, JSON body, extra headers. */
export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Decides the reply to one request. */
export type Responder = (request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

/** An HTTP server on 127.0.0.1 that records requests and answers with `respond`. */
export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  respond: Responder;
  close(): Promise<void>;
}

/** Starts a recording HTTP server; the default responder answers `{}` with 200. */
export async function startFakeServer(
  respond: Responder = () => ({ status: 200, body: {} }),
): Promise<FakeServer> {
  const fake: FakeServer = { url: '', requests: [], respond, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      fake.requests.push(recorded);
      const index = fake.requests.length - 1;
      void Promise.resolve(fake.respond(recorded, index)).then((reply) => {
        res.writeHead(reply.status, {
          'content-type': 'application/json',
          'x-amzn-requestid': `req-${index + 1}`,
          ...reply.headers,
        });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** An AWS-style error reply (spec/xray-protocol.md §5.4). */
export function awsError(status: number, type: string, message = type): FakeReply {
  return {
    status,
    headers: { 'x-amzn-ErrorType': type },
    body: { __type: type, message, Message: message },
  };
}

/** The documents of a recorded PutTraceSegments request. */
export function documentsOf(request: RecordedRequest): string[] {
  return (JSON.parse(request.body.toString('utf8')) as { TraceSegmentDocuments: string[] })
    .TraceSegmentDocuments;
}
