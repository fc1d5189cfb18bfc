import { SeverityNumber, type AnyValue, type LogRecord } from '@opentelemetry/api';
import { LOG_FIELDS } from './log-field-names.ts';

/** What {@link jsonLineToLogRecord} reads from a JSON log line besides the record. */
export interface JsonLogLine {
  record: LogRecord;
  /** W3C trace ID and span ID written by the correlation, when the line has them. */
  traceId?: string;
  spanId?: string;
  sampled?: boolean;
}

// pino's numeric levels and the label names pino and winston use.
const BY_NUMBER: [number, SeverityNumber, string][] = [
  [60, SeverityNumber.FATAL, 'fatal'],
  [50, SeverityNumber.ERROR, 'error'],
  [40, SeverityNumber.WARN, 'warn'],
  [30, SeverityNumber.INFO, 'info'],
  [20, SeverityNumber.DEBUG, 'debug'],
  [10, SeverityNumber.TRACE, 'trace'],
];
const BY_LABEL: Record<string, SeverityNumber> = {
  fatal: SeverityNumber.FATAL,
  crit: SeverityNumber.FATAL,
  error: SeverityNumber.ERROR,
  warn: SeverityNumber.WARN,
  warning: SeverityNumber.WARN,
  info: SeverityNumber.INFO,
  http: SeverityNumber.DEBUG,
  verbose: SeverityNumber.DEBUG,
  debug: SeverityNumber.DEBUG,
  silly: SeverityNumber.TRACE,
  trace: SeverityNumber.TRACE,
};
// Carried elsewhere in the record (or process noise), not as attributes.
const SKIP = new Set<string>([
  'level',
  'time',
  't',
  'timestamp',
  'msg',
  'message',
  'pid',
  'hostname',
  'service',
  'err',
  ...Object.values(LOG_FIELDS),
]);
type AnyValueMap = Record<string, AnyValue>;

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

function severity(level: unknown): { number?: SeverityNumber; text?: string } {
  if (typeof level === 'number') {
    const found = BY_NUMBER.find(([n]) => level >= n);
    return found ? { number: found[1], text: found[2] } : {};
  }
  if (typeof level !== 'string') return {};
  return { number: BY_LABEL[level.toLowerCase()], text: level };
}

function timeOf(line: Record<string, unknown>): number | Date | undefined {
  const value = line.time ?? line.t ?? line.timestamp;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** JSON values as OTLP AnyValue (null and undefined dropped, the rest kept as they are). */
function toAnyValue(value: unknown, depth = 0): AnyValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return value;
  if (depth > 8) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map((v) => toAnyValue(v, depth + 1) ?? null);
  const map: AnyValueMap = {};
  for (const [k, v] of Object.entries(value)) {
    const converted = toAnyValue(v, depth + 1);
    if (converted !== undefined) map[k] = converted;
  }
  return map;
}

/** pino's `err` (type, message, stack) as OpenTelemetry's `exception.*` attributes. */
function exceptionAttributes(err: unknown): AnyValueMap {
  if (typeof err !== 'object' || err === null) return {};
  const { type, message, stack } = err as Record<string, unknown>;
  const out: AnyValueMap = {};
  if (typeof type === 'string') out['exception.type'] = type;
  if (typeof message === 'string') out['exception.message'] = message;
  if (typeof stack === 'string') out['exception.stacktrace'] = stack;
  return out;
}

/**
 * One parsed JSON log line (pino's, winston's `json()`, or ours) as an OpenTelemetry log record:
 * time from `time`/`t`/`timestamp`, severity from `level` (pino numbers or labels), body from
 * `msg`/`message`, `err` as `exception.*`, other fields as attributes; the W3C IDs the correlation
 * wrote are returned beside it so the record can be tied to its span.
 */
export function jsonLineToLogRecord(line: Record<string, unknown>): JsonLogLine {
  const { number, text } = severity(line.level);
  const body = line.msg ?? line.message;
  const attributes: AnyValueMap = { ...exceptionAttributes(line.err) };
  for (const key of Object.keys(line)) {
    if (SKIP.has(key)) continue;
    const value = toAnyValue(line[key]);
    if (value !== undefined) attributes[key] = value;
  }
  const record: LogRecord = { attributes };
  const time = timeOf(line);
  if (time !== undefined) record.timestamp = time;
  if (number !== undefined) record.severityNumber = number;
  if (text !== undefined) record.severityText = text;
  if (body !== undefined) record.body = typeof body === 'string' ? body : toAnyValue(body);
  const out: JsonLogLine = { record };
  const traceId = line[LOG_FIELDS.traceId];
  const spanId = line[LOG_FIELDS.spanId];
  if (typeof traceId === 'string' && HEX32.test(traceId)) out.traceId = traceId;
  if (typeof spanId === 'string' && HEX16.test(spanId)) out.spanId = spanId;
  if (line[LOG_FIELDS.traceFlags] !== undefined) out.sampled = line[LOG_FIELDS.traceFlags] === '01';
  return out;
}
