import type { TraceLogLine } from './trace-log-line.ts';

const WIDTH = 160;

/** `HH:MM:SS.mmm` (UTC) of Unix seconds. */
function clock(time: number): string {
  return new Date(time * 1000).toISOString().slice(11, 23);
}

/** Attributes worth a glance, as `k=v` (exception text first; long values cut). */
function fields(attributes: Record<string, unknown>): string {
  const out: string[] = [];
  const message = attributes['exception.message'];
  if (typeof message === 'string') out.push(`err=${JSON.stringify(message)}`);
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith('exception.') || key === 'traceHeader') continue;
    out.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return out.join(' ');
}

/**
 * Log lines as text, one per line: time, service, level, segment ID, message and fields, each
 * cut at 160 characters. At most `max` lines (the newest, newest last), with a note of how many
 * earlier ones were left out. Pure.
 */
export function formatLogLines(lines: readonly TraceLogLine[], max = 40): string {
  const shown = lines.slice(-max);
  const out = shown.map((line) => {
    const text = `${clock(line.time)} ${line.service.padEnd(10)} ${line.level.padEnd(5)} ${line.segmentId ?? '-'.repeat(16)} ${line.message} ${fields(line.attributes)}`;
    return text.length > WIDTH ? `${text.slice(0, WIDTH - 1)}…` : text.trimEnd();
  });
  if (lines.length > shown.length) out.unshift(`… ${lines.length - shown.length} earlier lines`);
  return out.join('\n');
}
