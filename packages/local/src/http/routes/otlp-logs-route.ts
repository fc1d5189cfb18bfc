import { invalidRequest } from '../../errors.ts';
import { decodeJsonLogs } from '../../ingest/otlp/decode-json-logs.ts';
import { decodeProtobufLogs } from '../../ingest/otlp/decode-protobuf-logs.ts';
import type { OtlpResourceLogs } from '../../ingest/otlp/otlp-log-model.ts';
import { otlpToLogRecords } from '../../ingest/otlp/otlp-to-log-records.ts';
import { otlpBody, partialSuccess } from '../otlp-body.ts';
import { RawResponse } from '../raw-response.ts';
import type { Route, ServerContext } from '../server-context.ts';

/** Log records accepted per OTLP request, as spans per `/v1/traces` request. */
export const MAX_OTLP_LOG_RECORDS = 10_000;

/**
 * `POST /v1/logs`: OTLP/HTTP logs (protobuf or JSON, gzip or not) stored as log lines indexed by
 * X-Ray trace ID. Answers an `ExportLogsServiceResponse` in the request's encoding, with
 * `partialSuccess` when records were refused.
 */
export function otlpLogsRoute(ctx: ServerContext): Route {
  return (_body, info) => {
    const { raw, json } = otlpBody(info);
    let batches: OtlpResourceLogs[];
    try {
      batches = json ? decodeJsonLogs(raw.toString('utf8')) : decodeProtobufLogs(raw);
    } catch (error) {
      throw invalidRequest(
        `Malformed OTLP ${json ? 'JSON' : 'protobuf'}: ${(error as Error).message}`,
      );
    }
    const count = batches.reduce((n, b) => n + b.records.length, 0);
    if (count > MAX_OTLP_LOG_RECORDS)
      throw invalidRequest(
        `Too many log records in one request: ${count} > ${MAX_OTLP_LOG_RECORDS}`,
      );
    const translation = otlpToLogRecords(batches, ctx.now());
    ctx.stats.logRecordsReceived += translation.received;
    ctx.stats.logRecordsRejected += translation.rejected;
    ctx.logIngestor.ingest(translation.records);
    const { rejected } = translation;
    const message = translation.firstProblem ?? '';
    if (json) {
      const body =
        rejected > 0
          ? { partialSuccess: { rejectedLogRecords: String(rejected), errorMessage: message } }
          : {};
      return new RawResponse('application/json', Buffer.from(JSON.stringify(body)));
    }
    return new RawResponse(
      'application/x-protobuf',
      rejected > 0 ? partialSuccess(rejected, message) : Buffer.alloc(0),
    );
  };
}
