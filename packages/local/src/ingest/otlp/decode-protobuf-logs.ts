import {
  anyValue,
  decodeExportRequest,
  hex,
  keyValue,
  resourceAttributes,
} from './decode-protobuf.ts';
import { emptyLogRecord, type OtlpLogRecord, type OtlpResourceLogs } from './otlp-log-model.ts';
import type { ProtoReader } from './protobuf-reader.ts';

/**
 * Decodes a protobuf `ExportLogsServiceRequest` (opentelemetry-proto collector/logs/v1).
 * Unknown fields are skipped; malformed input throws `ProtobufError`.
 */
export function decodeProtobufLogs(buf: Uint8Array): OtlpResourceLogs[] {
  return decodeExportRequest(buf, resourceLogs);
}

function resourceLogs(r: ProtoReader): OtlpResourceLogs {
  const result: OtlpResourceLogs = { resource: {}, records: [] };
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) resourceAttributes(r.sub(), result.resource);
    else if (field === 2 && wire === 2) scopeLogs(r.sub(), result.records);
    else r.skip(wire);
  }
  return result;
}

function scopeLogs(r: ProtoReader, records: OtlpLogRecord[]): void {
  let scope = '';
  const raw: ProtoReader[] = [];
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) {
      const s = r.sub();
      while (s.more()) {
        const t = s.tag();
        if (t.field === 1 && t.wire === 2) scope = s.string();
        else s.skip(t.wire);
      }
    } else if (field === 2 && wire === 2) raw.push(r.sub());
    else r.skip(wire);
  }
  // the scope may follow its records on the wire: read them once it is known
  for (const rec of raw) records.push(logRecord(rec, scope));
}

function logRecord(r: ProtoReader, scope: string): OtlpLogRecord {
  const rec = emptyLogRecord(scope);
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 1) rec.timeNs = r.fixed64();
    else if (field === 11 && wire === 1) rec.observedNs = r.fixed64();
    else if (field === 2 && wire === 0) rec.severityNumber = r.uint();
    else if (field === 3 && wire === 2) rec.severityText = r.string();
    else if (field === 5 && wire === 2) rec.body = anyValue(r.sub(), 1);
    else if (field === 6 && wire === 2) keyValue(r.sub(), rec.attributes, 0);
    else if (field === 9 && wire === 2) rec.traceId = hex(r.bytes());
    else if (field === 10 && wire === 2) rec.spanId = hex(r.bytes());
    else r.skip(wire);
  }
  return rec;
}
