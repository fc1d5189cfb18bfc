import { traceIdFromW3C } from '@otel-xray/core';
import type { StoredLogRecord } from '../../store/stored-log-record.ts';
import { jsonSafe, jsonSafeAttributes } from './json-safe.ts';
import { logLevel } from './log-level.ts';
import type { OtlpLogRecord, OtlpResourceLogs } from './otlp-log-model.ts';

/** Longest message kept, in characters; longer bodies are cut and end with `…`. */
export const MAX_LOG_MESSAGE_CHARS = 65_536;
/** Largest attribute map kept per record, as JSON characters; a larger record is refused. */
export const MAX_LOG_ATTRIBUTE_CHARS = 65_536;

/** A log record ready for the store, before it gets its arrival number. */
export type NewLogRecord = Omit<StoredLogRecord, 'seq'>;

/** Result of {@link otlpToLogRecords}. */
export interface LogTranslation {
  records: NewLogRecord[];
  /** Records received. */
  received: number;
  /** Records refused (malformed IDs, oversized attributes), with the first reason. */
  rejected: number;
  firstProblem?: string;
}

const HEX = /^[0-9a-f]*$/;
const ZERO = /^0*$/;

/**
 * Turns decoded OTLP log records into stored lines: X-Ray trace ID, span ID as the segment ID,
 * level, message text, JSON-safe attributes. `nowMs` stamps records that carry no time. Pure.
 */
export function otlpToLogRecords(
  batches: readonly OtlpResourceLogs[],
  nowMs: number,
): LogTranslation {
  const out: LogTranslation = { records: [], received: 0, rejected: 0 };
  for (const batch of batches) {
    const name = batch.resource['service.name'];
    const service = typeof name === 'string' && name !== '' ? name : 'unknown_service';
    for (const record of batch.records) {
      out.received++;
      const result = toStored(record, service, nowMs);
      if (typeof result === 'string') {
        out.rejected++;
        out.firstProblem ??= result;
      } else out.records.push(result);
    }
  }
  return out;
}

function toStored(r: OtlpLogRecord, service: string, nowMs: number): NewLogRecord | string {
  const traceId = id(r.traceId, 32);
  const spanId = id(r.spanId, 16);
  if (traceId === undefined) return `traceId must be 16 bytes, got ${r.traceId.length / 2}`;
  if (spanId === undefined) return `spanId must be 8 bytes, got ${r.spanId.length / 2}`;
  const attributes = jsonSafeAttributes(r.attributes);
  if (JSON.stringify(attributes).length > MAX_LOG_ATTRIBUTE_CHARS)
    return `log record attributes exceed ${MAX_LOG_ATTRIBUTE_CHARS} characters of JSON`;
  const ns = r.timeNs > 0n ? r.timeNs : r.observedNs;
  const xrayId = traceId === '' ? undefined : traceIdFromW3C(traceId);
  return {
    time: ns > 0n ? Number(ns / 1000n) / 1e6 : Math.round(nowMs * 1000) / 1e6,
    service,
    level: logLevel(r.severityText, r.severityNumber),
    severityNumber: r.severityNumber,
    message: message(r.body),
    ...(xrayId === undefined ? {} : { traceId: xrayId }),
    ...(spanId === '' || xrayId === undefined ? {} : { segmentId: spanId }),
    attributes,
    scope: r.scope,
  };
}

/** The ID as given, '' when absent or all zero (no active span), undefined when malformed. */
function id(hex: string, length: number): string | undefined {
  if (hex === '' || (hex.length === length && ZERO.test(hex))) return '';
  return hex.length === length && HEX.test(hex) ? hex : undefined;
}

function message(body: OtlpLogRecord['body']): string {
  const text =
    typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(jsonSafe(body));
  return text.length > MAX_LOG_MESSAGE_CHARS
    ? `${text.slice(0, MAX_LOG_MESSAGE_CHARS - 1)}…`
    : text;
}
