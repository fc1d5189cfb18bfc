// Sends log records as OTLP/protobuf (e.g. to the local X-Ray's /v1/logs). The SDK and exporter
// are loaded with import() only when sending is configured: a service that does not send logs
// never loads them. Records written while they load wait in a bounded queue.
import { context, diag, type LogRecord, type Logger } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { LoggerProvider } from '@opentelemetry/sdk-logs';

/** Options of {@link startLogSending}. */
export interface LogSendingOptions {
  /** Full OTLP/HTTP logs URL, e.g. `http://127.0.0.1:2000/v1/logs`. */
  endpoint: string;
  /** The service's resource (`service.name` names the lines' service). */
  resource: Resource;
  /** Batch delay, ms (default 200, as for spans: logs should be fresh locally). */
  scheduledDelayMillis?: number;
  /** Give up on one export after this long, ms (default 5 000: a stopping service should not hang). */
  exportTimeoutMillis?: number;
  /** Records kept while the SDK loads; past it the oldest are dropped and counted (default 2048). */
  maxPending?: number;
}

/** A running log sender. */
export interface LogSending {
  /** Queues one record (its `context` should be the one it was written in). Never throws. */
  emit(record: LogRecord): void;
  /** Records dropped because the SDK was still loading and the queue was full, or failed to load. */
  readonly dropped: number;
  forceFlush(): Promise<void>;
  /** Flushes and stops. Idempotent. */
  shutdown(): Promise<void>;
}

const SCOPE = '@otel-xray/node';

/** Starts sending log records to `options.endpoint`; see {@link LogSending}. */
export function startLogSending(options: LogSendingOptions): LogSending {
  const maxPending = options.maxPending ?? 2048;
  let pending: LogRecord[] = [];
  let logger: Logger | undefined;
  let failed = false;
  let dropped = 0;
  let stopping: Promise<void> | undefined;
  const loading: Promise<LoggerProvider | undefined> = (async () => {
    const [sdk, otlp] = await Promise.all([
      import('@opentelemetry/sdk-logs'),
      import('@opentelemetry/exporter-logs-otlp-proto'),
    ]);
    const provider = new sdk.LoggerProvider({
      resource: options.resource,
      processors: [
        new sdk.BatchLogRecordProcessor({
          exporter: new otlp.OTLPLogExporter({
            url: options.endpoint,
            timeoutMillis: options.exportTimeoutMillis ?? 5_000,
          }),
          scheduledDelayMillis: options.scheduledDelayMillis ?? 200,
          exportTimeoutMillis: options.exportTimeoutMillis ?? 5_000,
        }),
      ],
    });
    logger = provider.getLogger(SCOPE);
    for (const record of pending) logger.emit(record);
    pending = [];
    return provider;
  })().catch((error: unknown) => {
    failed = true;
    dropped += pending.length;
    pending = [];
    diag.error(`log sending disabled: cannot load the logs SDK (${String(error)})`);
    return undefined;
  });
  return {
    emit(record) {
      if (logger !== undefined) return logger.emit(record);
      if (failed || stopping) {
        dropped += 1;
        return;
      }
      pending.push({ ...record, context: record.context ?? context.active() });
      if (pending.length > maxPending) {
        pending.shift();
        dropped += 1;
      }
    },
    get dropped() {
      return dropped;
    },
    forceFlush: async () => {
      const provider = await loading;
      await provider?.forceFlush().catch((e: unknown) => diag.warn('log flush failed', e));
    },
    shutdown: () =>
      (stopping ??= (async () => {
        const provider = await loading;
        await provider?.shutdown().catch((e: unknown) => diag.warn('log shutdown failed', e));
      })()),
  };
}

const ACTIVE = Symbol.for('@otel-xray/node.log-sending');
const slot = globalThis as { [ACTIVE]?: LogSending | undefined };

/** The sender startTracing started (shared across copies of this module), if any. */
export function activeLogSending(): LogSending | undefined {
  return slot[ACTIVE];
}

/** Records the sender {@link xrayLogDestination} and `console` correlation emit to. */
export function setActiveLogSending(sending: LogSending | undefined): void {
  slot[ACTIVE] = sending;
}
