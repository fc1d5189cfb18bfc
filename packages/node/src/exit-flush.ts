import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';

/**
 * Flushes when the process is about to end on its own (`beforeExit`: the event loop ran dry), so a
 * script or a batch job that never calls `shutdownTracing()` still sends its last spans — the batch
 * processor's timer is unref'd and would not keep the process alive for them. The returned span
 * processor counts ended spans; a flush happens only when some ended since the last one, so the
 * flush's own completion (which empties the loop again) does not start another, forever.
 */
export function exitFlush(flush: () => Promise<void>): {
  processor: SpanProcessor;
  install: () => () => void;
} {
  let ended = 0;
  const processor: SpanProcessor = {
    onStart: (_span: Span, _context: Context) => undefined,
    onEnd: (_span: ReadableSpan) => void ended++,
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
  const onBeforeExit = (): void => {
    if (ended === 0) return;
    ended = 0;
    void flush();
  };
  return {
    processor,
    install: () => {
      process.on('beforeExit', onBeforeExit);
      return () => process.removeListener('beforeExit', onBeforeExit);
    },
  };
}
