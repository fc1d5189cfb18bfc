import { formatWithOptions } from 'node:util';
import { context, trace } from '@opentelemetry/api';
import { logCorrelationMode } from './log-correlation-state.ts';
import { LOG_FIELDS } from './log-field-names.ts';
import { usable, xrayTraceIdWithSegment } from './xray-log-fields.ts';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
type ConsoleMethod = (typeof METHODS)[number];

const PATCHED = Symbol.for('@otel-xray/node.console-correlation');
const slot = globalThis as { [PATCHED]?: () => void };

/** The suffix for the active span (`AWS-XRAY-TRACE-ID: 1-…@<segment id>`), or undefined. */
function activeSuffix(): string | undefined {
  const mode = logCorrelationMode();
  if (mode === 'off') return undefined;
  const span = trace.getSpan(context.active());
  if (span === undefined) return undefined;
  const { traceId, spanId } = span.spanContext();
  if (!usable(traceId, spanId)) return undefined;
  return mode === 'w3c'
    ? `${LOG_FIELDS.traceId}=${traceId} ${LOG_FIELDS.spanId}=${spanId}`
    : `${LOG_FIELDS.xrayTraceId}: ${xrayTraceIdWithSegment(traceId, spanId)}`;
}

/**
 * Opt-in: `console.log/info/warn/error/debug/trace` append ` AWS-XRAY-TRACE-ID: 1-…@<segment id>`
 * (the text form of the X-Ray SDKs' log integrations) to lines written inside a span; lines
 * outside any span are passed through untouched. Returns a function that restores the console.
 * Calling it twice patches once. Env twin: `OTEL_XRAY_LOG_CONSOLE=true` with `startTracing`.
 * @example
 * import { correlateConsole } from '@otel-xray/node';
 * correlateConsole();
 */
export function correlateConsole(target: Console = console): () => void {
  if (target === console && slot[PATCHED]) return slot[PATCHED];
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const name of METHODS) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its console below
    const original = target[name] as (...args: unknown[]) => void;
    originals.set(name, original);
    target[name] = function (this: unknown, ...args: unknown[]): void {
      const suffix = activeSuffix();
      if (suffix === undefined) return original.apply(this, args);
      // Formatted first, so a format string's placeholders never swallow the suffix.
      original.call(this, '%s %s', formatWithOptions({}, ...args), suffix);
    };
  }
  const restore = (): void => {
    for (const [name, original] of originals) target[name] = original;
    if (target === console) slot[PATCHED] = undefined;
  };
  if (target === console) slot[PATCHED] = restore;
  return restore;
}
