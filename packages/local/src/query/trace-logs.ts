import type { StoredLogRecord } from '../store/stored-log-record.ts';

/** Lines answered by default, and at most, per `/_local/logs` query. */
export const DEFAULT_LOG_LIMIT = 1000;
export const MAX_LOG_LIMIT = 10_000;

/** A log line as the API answers it. */
export type LogLine = Omit<StoredLogRecord, 'seq'>;

/** The `GET /_local/logs` answer. */
export interface TraceLogs {
  traceId: string;
  /** Time ascending; equal times in arrival order. */
  logs: LogLine[];
  /** True when more lines matched than `limit`: the earliest `limit` are answered. */
  truncated: boolean;
}

/**
 * A trace's lines sorted by time (ties keep arrival order), filtered by `q` (case-insensitive
 * substring of the message) and cut at `limit`. Pure.
 */
export function traceLogs(
  traceId: string,
  lines: readonly StoredLogRecord[],
  options: { q?: string; limit?: number } = {},
): TraceLogs {
  const needle = options.q?.toLowerCase() ?? '';
  const limit = options.limit ?? DEFAULT_LOG_LIMIT;
  const matched =
    needle === '' ? [...lines] : lines.filter((l) => l.message.toLowerCase().includes(needle));
  matched.sort((a, b) => a.time - b.time || a.seq - b.seq);
  return {
    traceId,
    logs: matched.slice(0, limit).map(({ seq: _seq, ...line }) => line),
    truncated: matched.length > limit,
  };
}
