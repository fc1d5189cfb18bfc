import { gunzipSync } from 'node:zlib';
import { invalidRequest, XRayError } from '../errors.ts';
import { MAX_BODY_BYTES } from './read-body.ts';
import type { RequestInfo } from './server-context.ts';

/** An OTLP/HTTP request body, unzipped, and whether it is JSON (else protobuf). */
export interface OtlpBody {
  raw: Buffer;
  json: boolean;
}

/**
 * Unwraps an OTLP/HTTP body: gzip when `Content-Encoding: gzip` or the gzip magic (decompressed
 * size capped at the body limit: 413 beyond), JSON when the Content-Type says so or, without
 * one, when it starts with `{`.
 */
export function otlpBody(info: RequestInfo): OtlpBody {
  const encoding = String(info.headers['content-encoding'] ?? '').toLowerCase();
  let raw = info.raw;
  if (encoding === 'gzip' || (raw[0] === 0x1f && raw[1] === 0x8b)) {
    try {
      raw = gunzipSync(raw, { maxOutputLength: MAX_BODY_BYTES });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new XRayError(
          'RequestEntityTooLargeException',
          `Decompressed body exceeds ${MAX_BODY_BYTES} bytes`,
        );
      }
      throw invalidRequest('The body is not valid gzip');
    }
  }
  const type = String(info.headers['content-type'] ?? '').toLowerCase();
  const json =
    type.includes('json') ||
    (!type.includes('protobuf') && raw.toString('latin1', 0, 64).trimStart().startsWith('{'));
  return { raw, json };
}

/**
 * The protobuf `Export{Trace,Logs}ServiceResponse` with `partial_success` set: both messages put
 * the rejected count in field 1 and the message in field 2.
 */
export function partialSuccess(rejected: number, message: string): Buffer {
  const text = Buffer.from(message, 'utf8');
  const inner = Buffer.concat([
    Buffer.from([0x08]),
    varint(rejected),
    Buffer.from([0x12]),
    varint(text.length),
    text,
  ]);
  return Buffer.concat([Buffer.from([0x0a]), varint(inner.length), inner]);
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}
