import { gunzipSync } from 'node:zlib';
import { invalidRequest, XRayError } from '../../errors.ts';
import { decodeJsonTraces } from '../../ingest/otlp/decode-json.ts';
import { decodeProtobufTraces } from '../../ingest/otlp/decode-protobuf.ts';
import { otlpToDocuments } from '../../ingest/otlp/otlp-to-documents.ts';
import type { OtlpResourceSpans } from '../../ingest/otlp/otlp-model.ts';
import { MAX_BODY_BYTES } from '../read-body.ts';
import { RawResponse } from '../raw-response.ts';
import type { Route, ServerContext } from '../server-context.ts';

/** Spans accepted per OTLP request (spec §9). */
export const MAX_OTLP_SPANS = 10_000;

/**
 * `POST /v1/traces`: OTLP/HTTP (protobuf or JSON, gzip or not) translated into segment documents
 * and ingested like PutTraceSegments. Answers in the request's encoding, with `partialSuccess`
 * when spans or documents were refused.
 */
export function otlpRoute(ctx: ServerContext): Route {
  return (_body, info) => {
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
    let batches: OtlpResourceSpans[];
    try {
      batches = json ? decodeJsonTraces(raw.toString('utf8')) : decodeProtobufTraces(raw);
    } catch (error) {
      throw invalidRequest(
        `Malformed OTLP ${json ? 'JSON' : 'protobuf'}: ${(error as Error).message}`,
      );
    }
    const count = batches.reduce((n, b) => n + b.spans.length, 0);
    if (count > MAX_OTLP_SPANS)
      throw invalidRequest(`Too many spans in one request: ${count} > ${MAX_OTLP_SPANS}`);
    const translation = otlpToDocuments(batches);
    ctx.stats.otlpSpansReceived += translation.spans;
    const unprocessed = ctx.ingestor.ingest(translation.documents);
    const rejected = translation.rejected + unprocessed.length;
    const message = translation.firstProblem ?? unprocessed[0]?.Message ?? '';
    if (json) {
      const body =
        rejected > 0
          ? { partialSuccess: { rejectedSpans: String(rejected), errorMessage: message } }
          : {};
      return new RawResponse('application/json', Buffer.from(JSON.stringify(body)));
    }
    return new RawResponse(
      'application/x-protobuf',
      rejected > 0 ? partialSuccess(rejected, message) : Buffer.alloc(0),
    );
  };
}

function partialSuccess(rejected: number, message: string): Buffer {
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
