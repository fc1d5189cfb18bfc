import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { XRayError } from '../errors.ts';

/** Sends a JSON body with the headers every X-Ray response carries. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  if (res.headersSent) return;
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  });
  res.end(text);
}

/** Sends a non-JSON success body (OTLP protobuf). */
export function sendRaw(res: ServerResponse, raw: { contentType: string; body: Buffer }): void {
  if (res.headersSent) return;
  res.writeHead(200, {
    'Content-Type': raw.contentType,
    'Content-Length': raw.body.length,
    'x-amzn-RequestId': randomUUID(),
  });
  res.end(raw.body);
}

/**
 * The one place errors become responses (spec §5.4): an {@link XRayError} keeps its code and
 * status; anything else is a 500 `InternalFailure`. The code travels in `x-amzn-ErrorType` and
 * `__type`, the message as both `message` and `Message`, so the AWS SDKs and botocore raise their
 * typed exceptions; the error's own headers (`Retry-After`, `Connection: close`) go along.
 */
export function sendError(res: ServerResponse, error: unknown): number {
  const e =
    error instanceof XRayError
      ? error
      : new XRayError('InternalFailure', 'An internal error occurred');
  if (res.headersSent) {
    res.destroy();
    return e.status;
  }
  const text = JSON.stringify({
    __type: e.code,
    message: e.message,
    Message: e.message,
    ...e.fields,
  });
  res.writeHead(e.status, {
    ...e.headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    'x-amzn-ErrorType': e.code,
  });
  res.end(text);
  return e.status;
}
