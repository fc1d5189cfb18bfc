import {
  anyValue,
  arr,
  attributes,
  enumValue,
  isObj,
  nanos,
  OtlpJsonError,
  str,
} from './decode-json.ts';
import { emptyLogRecord, type OtlpLogRecord, type OtlpResourceLogs } from './otlp-log-model.ts';

// SeverityNumber names as OTLP/JSON may spell them (the enum value names of logs/v1).
const SEVERITIES: Record<string, number> = {};
['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].forEach((name, i) => {
  SEVERITIES[`SEVERITY_NUMBER_${name}`] = i * 4 + 1;
  for (const n of [2, 3, 4]) SEVERITIES[`SEVERITY_NUMBER_${name}${n}`] = i * 4 + n;
});

/**
 * Decodes an OTLP/JSON `ExportLogsServiceRequest` (hex IDs, nanosecond times as strings or
 * numbers, severity as a number or its enum name). Throws `OtlpJsonError` for the wrong shape.
 */
export function decodeJsonLogs(text: string): OtlpResourceLogs[] {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new OtlpJsonError(`invalid JSON: ${(error as Error).message}`);
  }
  if (!isObj(root)) throw new OtlpJsonError('the body must be a JSON object');
  return arr(root.resourceLogs).map((rl) => {
    const resource = attributes(isObj(rl.resource) ? rl.resource.attributes : undefined, 0);
    const records: OtlpLogRecord[] = [];
    for (const sl of arr(rl.scopeLogs)) {
      const scope = isObj(sl.scope) ? str(sl.scope.name) : '';
      for (const lr of arr(sl.logRecords)) records.push(logRecord(lr, scope));
    }
    return { resource, records };
  });
}

function logRecord(l: Record<string, unknown>, scope: string): OtlpLogRecord {
  const rec = emptyLogRecord(scope);
  rec.timeNs = nanos(l.timeUnixNano);
  rec.observedNs = nanos(l.observedTimeUnixNano);
  rec.severityNumber = enumValue(l.severityNumber, SEVERITIES);
  rec.severityText = str(l.severityText);
  rec.body = anyValue(l.body, 1);
  rec.attributes = attributes(l.attributes, 0);
  rec.traceId = str(l.traceId).toLowerCase();
  rec.spanId = str(l.spanId).toLowerCase();
  return rec;
}
