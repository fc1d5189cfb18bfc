import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';

/** Where the exporter hands spans: documents over udp/api, or OTLP. */
export interface SpanSink {
  /** Takes `spans`; calls `done` exactly once. May throw only on a bug (the exporter catches). */
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void;
  /** Resolves true when nothing is pending, false after `timeoutMillis`. */
  whenIdle(timeoutMillis: number): Promise<boolean>;
  /** Gives up what is pending (counted) and releases sockets; called once, after a flush. */
  shutdown(): Promise<void>;
}
