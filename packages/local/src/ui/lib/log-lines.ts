// A trace's log lines as `GET /_local/logs` answers them, and the pure helpers the logs pane and
// the segment detail use: search, per-segment lines, labels, level classes.

/** One log line (the server's `/_local/logs` item). Every member but the basics is optional. */
export interface LogLine {
  /** Unix seconds. */
  time: number;
  service: string;
  /** `error`, `warn`, `info`… (severityText lowercased, else derived from severityNumber). */
  level: string;
  severityNumber?: number;
  message: string;
  traceId?: string;
  /** The segment or subsegment that was active when the line was written. */
  segmentId?: string;
  attributes?: Record<string, unknown>;
  scope?: string;
}

/** The `/_local/logs` answer. */
export interface TraceLogsResult {
  traceId?: string;
  logs?: LogLine[];
  /** More lines matched than were answered. */
  truncated?: boolean;
}

/** The attributes as `key=value` pairs, strings bare, anything else as JSON. */
export function attributeText(attributes: LogLine['attributes']): string {
  return Object.entries(attributes ?? {})
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

/**
 * True when the line's message or attributes contain `query`, ignoring case; an empty query
 * matches everything.
 */
export function matchesLogSearch(line: LogLine, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return (
    line.message.toLowerCase().includes(needle) ||
    attributeText(line.attributes).toLowerCase().includes(needle)
  );
}

/** The lines written while `segmentId` was active, in the given order. */
export function linesOfSegment(lines: readonly LogLine[], segmentId: string): LogLine[] {
  return lines.filter((l) => l.segmentId === segmentId);
}

/** Colour class of a level: error (error, fatal…), warn, info, debug (debug, trace) or other. */
export function levelClass(level: string): 'error' | 'warn' | 'info' | 'debug' | 'other' {
  const l = level.toLowerCase();
  if (l.startsWith('err') || l.startsWith('fatal') || l === 'critical') return 'error';
  if (l.startsWith('warn')) return 'warn';
  if (l === 'info' || l === 'notice') return 'info';
  if (l === 'debug' || l === 'trace') return 'debug';
  return 'other';
}

/**
 * What a line's segment is called in the waterfall: the (sub)segment's name, or its ID when the
 * trace has no such row (yet); '' without a segment ID.
 */
export function segmentLabel(
  segmentId: string | undefined,
  rows: ReadonlyArray<{ id: string; name: string }>,
): string {
  if (segmentId === undefined) return '';
  return rows.find((r) => r.id === segmentId)?.name ?? segmentId;
}
