// `toHaveLog`: a pure check over a trace's log lines, returning vitest's `{ pass, message }`.
import type { TraceLogLine } from './trace-log-line.ts';
import { formatLogLines } from './format-log-lines.ts';

/** What `toHaveLog` looks for; every given field must match one line. */
export interface ExpectedLog {
  /** The writing service, exactly. */
  service?: string;
  /** `info`, `warn`, `error`, … (case-insensitive). */
  level?: string;
  /** A substring of the message, or a RegExp it matches. */
  message?: string | RegExp;
  /** The segment or subsegment ID the line was written in. */
  segmentId?: string;
  /** Attributes that must be present with these values (compared with `equals`). */
  attributes?: Record<string, unknown>;
}

function linesOf(received: unknown): TraceLogLine[] | undefined {
  if (Array.isArray(received)) return received as TraceLogLine[];
  if (typeof received === 'object' && received !== null) {
    const logs = (received as { logs?: unknown }).logs;
    if (Array.isArray(logs)) return logs as TraceLogLine[];
  }
  return undefined;
}

function describe(expected: ExpectedLog): string {
  const parts = Object.entries(expected).map(([k, v]) =>
    v instanceof RegExp ? `${k} ${String(v)}` : `${k} ${JSON.stringify(v)}`,
  );
  return `{ ${parts.join(', ')} }`;
}

/** True when `line` matches every field of `expected`. */
export function logMatches(
  line: TraceLogLine,
  expected: ExpectedLog,
  equals: (a: unknown, b: unknown) => boolean = Object.is,
): boolean {
  if (expected.service !== undefined && line.service !== expected.service) return false;
  if (expected.level !== undefined && line.level !== expected.level.toLowerCase()) return false;
  if (expected.segmentId !== undefined && line.segmentId !== expected.segmentId) return false;
  const { message } = expected;
  if (typeof message === 'string' && !line.message.includes(message)) return false;
  if (message instanceof RegExp && !message.test(line.message)) return false;
  for (const [key, value] of Object.entries(expected.attributes ?? {}))
    if (!equals(line.attributes[key], value)) return false;
  return true;
}

/** `toHaveLog`: some log line of the trace (or of this list) matches `expected`. */
export function checkLog(
  received: unknown,
  expected: ExpectedLog,
  equals?: (a: unknown, b: unknown) => boolean,
): { pass: boolean; message: () => string } {
  const lines = linesOf(received);
  if (lines === undefined)
    return {
      pass: false,
      message: () =>
        'expected a Trace with logs (waitForTrace(id, { logs: true })) or a list of log lines',
    };
  const found = lines.find((line) => logMatches(line, expected, equals));
  if (found)
    return {
      pass: true,
      message: () =>
        `expected no log line like ${describe(expected)}, but found:\n${formatLogLines([found])}`,
    };
  return {
    pass: false,
    message: () =>
      lines.length === 0
        ? `expected a log line like ${describe(expected)}, but the trace has no log lines (were they sent? waitForTrace(id, { logs: true })?)`
        : `expected a log line like ${describe(expected)} among the trace's ${lines.length} lines:\n${formatLogLines(lines)}`,
  };
}
