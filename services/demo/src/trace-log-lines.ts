// The log lines the services wrote for one trace, as the demo prints them under its tree (pure):
// each line's time, service, level, message and fields, then the X-Ray trace ID it carries —
// what a developer greps CloudWatch Logs for. Fits the demo's 100 columns.
import type { LogLine } from '@otel-xray-services/kit/system';
import { wrapLine } from './line-width.ts';

/** The field the services' lines carry the X-Ray trace ID in (`1-…@<segment id>`). */
const XRAY_FIELD = 'AWS-XRAY-TRACE-ID';
const SHOWN = ['orderId', 'skus', 'sku', 'receiveCount', 'maxReceiveCount'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A service's lines that belong to `traceId` (X-Ray form), in the order each was written. */
export function linesOfTrace(lines: readonly LogLine[], traceId: string): LogLine[] {
  return lines.filter((line) => text(line[XRAY_FIELD]).startsWith(`${traceId}@`));
}

function fieldsOf(line: LogLine): string {
  const out = SHOWN.filter((k) => line[k] !== undefined).map(
    (k) => `${k}=${typeof line[k] === 'string' ? line[k] : JSON.stringify(line[k])}`,
  );
  const err = line.err as { type?: unknown; message?: unknown } | undefined;
  if (err && typeof err.message === 'string') out.push(`err=${String(err.type)}: ${err.message}`);
  return out.join(' ');
}

/**
 * Lines of several services merged in time order (ties keep each service's order), two rows
 * each: `HH:MM:SS.mmm service level message fields`, then `AWS-XRAY-TRACE-ID: 1-…@segment`.
 */
export function formatTraceLogLines(lines: readonly LogLine[]): string {
  const sorted = lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => text(a.line.t).localeCompare(text(b.line.t)) || a.i - b.i)
    .map(({ line }) => line);
  return sorted
    .map((line) => {
      const head = `${text(line.t).slice(11, 23)} ${text(line.service).padEnd(9)} ${text(line.level).padEnd(5)} ${line.msg} ${fieldsOf(line)}`;
      // indented after wrapping (wrapLine drops leading spaces); continuation rows sit at 6
      return `  ${wrapLine(head.trimEnd(), 98, 4)}\n      ${XRAY_FIELD}: ${text(line[XRAY_FIELD])}`;
    })
    .join('\n');
}
