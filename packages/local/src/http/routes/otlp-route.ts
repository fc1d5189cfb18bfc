import { invalidRequest } from '../../errors.ts';
import { decodeJsonTraces } from '../../ingest/otlp/decode-json.ts';
import { decodeProtobufTraces } from '../../ingest/otlp/decode-protobuf.ts';
import { otlpToDocuments } from '../../ingest/otlp/otlp-to-documents.ts';
import type { OtlpResourceSpans } from '../../ingest/otlp/otlp-model.ts';
import { otlpBody, partialSuccess } from '../otlp-body.ts';
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
    const { raw, json } = otlpBody(info);
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
