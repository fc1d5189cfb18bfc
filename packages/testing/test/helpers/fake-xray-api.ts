// A scripted stand-in for the X-Ray HTTP API (restJson1, POST to fixed paths) on a real loopback
// port, so waitForTrace is exercised through the real @aws-sdk/client-xray.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface RecordedCall {
  path: string;
  body: Record<string, unknown>;
}

/** Answers one call: a JSON body (status 200), or `{ status, body }`. */
export type Responder = (call: RecordedCall, index: number) => unknown;

/** A running fake. */
export interface FakeXRayApi {
  endpoint: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeXRayApi(respond: Responder): Promise<FakeXRayApi> {
  const calls: RecordedCall[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const call = {
        path: req.url ?? '',
        body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
      };
      calls.push(call);
      const answer = respond(call, calls.length - 1);
      const { status, body } =
        answer !== null && typeof answer === 'object' && 'status' in answer
          ? (answer as { status: number; body: unknown })
          : { status: 200, body: answer };
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-amzn-requestid': `req-${calls.length}`,
        ...(status >= 400
          ? { 'x-amzn-errortype': (body as { __type?: string }).__type ?? 'InternalFailure' }
          : {}),
      });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
