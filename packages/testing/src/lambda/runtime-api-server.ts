// A local Lambda Runtime API: the four documented routes over HTTP on 127.0.0.1, in front of a
// backend that holds the environment's state. Malformed requests get Lambda-style JSON errors;
// the server never throws.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  MAX_ERROR_BYTES,
  MAX_RESPONSE_BYTES,
  RUNTIME_API_PREFIX,
  type ReportAnswer,
  type RuntimeApiBackend,
} from './runtime-api-types.ts';

/** A started Runtime API. */
export interface RuntimeApiServer {
  /** `127.0.0.1:port`: the value of `AWS_LAMBDA_RUNTIME_API`. */
  address: string;
  /** Closes the server and its connections; idempotent. */
  close(): Promise<void>;
}

const INVOCATION = /^\/invocation\/([^/]+)\/(response|error)$/;

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const fail = (res: ServerResponse, status: number, errorType: string, errorMessage: string): void =>
  send(res, status, { errorMessage, errorType });

/** Reads the body up to `limit` bytes; undefined when it is larger (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size <= limit ? Buffer.concat(chunks).toString('utf8') : undefined),
    );
    req.on('error', () => resolve(undefined));
  });
}

function answer(res: ServerResponse, result: ReportAnswer): void {
  if (result === 'accepted') return send(res, 202, { status: 'OK' });
  if (result === 'unknown-request') return fail(res, 400, 'InvalidRequestID', 'Invalid request ID');
  fail(res, 403, 'InvalidStateTransition', 'State transition is not allowed');
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

async function route(
  backend: RuntimeApiBackend,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (!path.startsWith(RUNTIME_API_PREFIX)) return fail(res, 404, 'NotFound', 'Not found');
  const rest = path.slice(RUNTIME_API_PREFIX.length);
  if (rest === '/invocation/next') {
    if (req.method !== 'GET') return fail(res, 405, 'MethodNotAllowed', 'Use GET');
    const next = await backend.next();
    if (res.destroyed) return;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Lambda-Runtime-Aws-Request-Id': next.requestId,
      'Lambda-Runtime-Deadline-Ms': String(next.deadlineMs),
      'Lambda-Runtime-Invoked-Function-Arn': next.invokedFunctionArn,
      'Lambda-Runtime-Trace-Id': next.traceId,
      ...(next.clientContext !== undefined
        ? { 'Lambda-Runtime-Client-Context': next.clientContext }
        : {}),
      ...(next.cognitoIdentity !== undefined
        ? { 'Lambda-Runtime-Cognito-Identity': next.cognitoIdentity }
        : {}),
    });
    res.end(next.payload);
    return;
  }
  if (req.method !== 'POST') return fail(res, 405, 'MethodNotAllowed', 'Use POST');
  if (rest === '/init/error') {
    const payload = (await readBody(req, MAX_ERROR_BYTES)) ?? '{}';
    const errorType = header(req, 'lambda-runtime-function-error-type') ?? 'Runtime.Unknown';
    return answer(res, backend.report({ kind: 'init-error', errorType, payload }));
  }
  const match = INVOCATION.exec(rest);
  if (!match) return fail(res, 404, 'NotFound', 'Not found');
  let requestId: string;
  try {
    requestId = decodeURIComponent(match[1] ?? '');
  } catch {
    return fail(res, 400, 'InvalidRequestID', 'Invalid request ID');
  }
  if (match[2] === 'response') {
    const payload = await readBody(req, MAX_RESPONSE_BYTES);
    if (payload === undefined) {
      const message = `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`;
      backend.report({
        kind: 'error',
        requestId,
        errorType: 'Function.ResponseSizeTooLarge',
        payload: JSON.stringify({
          errorMessage: message,
          errorType: 'Function.ResponseSizeTooLarge',
        }),
      });
      return fail(res, 413, 'RequestEntityTooLarge', message);
    }
    return answer(res, backend.report({ kind: 'response', requestId, payload }));
  }
  const payload = (await readBody(req, MAX_ERROR_BYTES)) ?? '{}';
  const errorType = header(req, 'lambda-runtime-function-error-type') ?? 'Runtime.Unknown';
  const xrayCause = header(req, 'lambda-runtime-function-xray-error-cause');
  answer(
    res,
    backend.report({
      kind: 'error',
      requestId,
      errorType,
      payload,
      ...(xrayCause !== undefined ? { xrayCause } : {}),
    }),
  );
}

/** Starts the Runtime API for one execution environment on a free port of 127.0.0.1. */
export async function startRuntimeApi(backend: RuntimeApiBackend): Promise<RuntimeApiServer> {
  const server = createServer((req, res) => {
    route(backend, req, res).catch(() => fail(res, 500, 'ServiceException', 'Internal error'));
  });
  // `next` is a long poll: no request timeout, and keep the runtime's connection.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      (closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      })),
  };
}
