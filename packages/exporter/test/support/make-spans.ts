import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { SpanKind } from '@opentelemetry/api';

/** Real finished SDK spans with the given names (one trace, first is the root SERVER span). */
export async function finishedSpans(names: readonly string[]): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  });
  const tracer = provider.getTracer('exporter-test');
  const [first, ...rest] = names;
  tracer.startActiveSpan(first ?? 'root', { kind: SpanKind.SERVER }, (root) => {
    for (const name of rest) tracer.startSpan(name, { kind: SpanKind.CLIENT }).end();
    root.end();
  });
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}
