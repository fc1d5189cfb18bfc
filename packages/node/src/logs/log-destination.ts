import { ROOT_CONTEXT, TraceFlags, context, trace, type Context } from '@opentelemetry/api';
import { jsonLineToLogRecord } from './json-log-record.ts';
import { activeLogSending } from './log-sending.ts';

/** Where lines are written: `process.stdout` by default; anything with `write(string)`. */
export interface LineSink {
  write(line: string): unknown;
}

/** The context a parsed line belongs to: the span it names, else the one it was written in. */
function contextOf(traceId?: string, spanId?: string, sampled?: boolean): Context {
  if (traceId === undefined || spanId === undefined) return context.active();
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags: sampled === false ? TraceFlags.NONE : TraceFlags.SAMPLED,
    isRemote: true,
  });
}

/**
 * A pino destination (any logger that writes JSON lines to a stream): each line goes to `out`
 * unchanged and, when startTracing sends logs (`OTEL_XRAY_LOGS_ENDPOINT`), also as an OTLP log
 * record tied to the span whose IDs the line carries. Without sending it only writes.
 * @example
 * import pino from 'pino';
 * import { xrayLogDestination, xrayLogFields } from '@otel-xray/node';
 * const logger = pino({ mixin: xrayLogFields }, xrayLogDestination());
 */
export function xrayLogDestination(out: LineSink = process.stdout): LineSink {
  return {
    write(chunk: string) {
      out.write(chunk);
      const sending = activeLogSending();
      if (sending === undefined) return;
      for (const text of chunk.split('\n')) {
        if (!text.startsWith('{')) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          continue;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) continue;
        const { record, traceId, spanId, sampled } = jsonLineToLogRecord(
          parsed as Record<string, unknown>,
        );
        record.context = contextOf(traceId, spanId, sampled);
        sending.emit(record);
      }
    },
  };
}
