import type { ContextManager, Tracer } from '@opentelemetry/api';
import type { ClientRequest } from 'node:http';
import { contextEntry } from './context-entry.ts';
import { traceFetch } from './fetch.ts';
import { traceHttpClient } from './http-client.ts';
import { traceHttpServer } from './http-server.ts';

/** What {@link startLeanInstrumentation} traces. */
export interface LeanInstrumentationConfig {
  tracer: Tracer;
  /** The global context manager (an `AsyncLocalStorageContextManager`), to enter server spans. */
  contextManager: ContextManager;
  /** Trace node:http/https servers and clients. */
  http: boolean;
  /** Trace global `fetch` (undici). */
  fetch: boolean;
  /** Outgoing http requests to leave alone (the AWS SDK's: its instrumentation records them). */
  ignoreOutgoing: (request: ClientRequest) => boolean;
}

const ACTIVE = Symbol.for('@otel-xray/node.lean-instrumentation');

/**
 * Traces http servers, http clients and fetch from Node's and undici's diagnostics channels —
 * nothing is patched, so it works whenever it starts before the first request, in CommonJS and ESM
 * apps alike, without `--import`. One subscription per process: starting again replaces the
 * previous one. Returns the function that unsubscribes.
 */
export function startLeanInstrumentation(config: LeanInstrumentationConfig): () => void {
  const slot = globalThis as { [ACTIVE]?: () => void };
  slot[ACTIVE]?.();
  const stops: (() => void)[] = [];
  if (config.http) {
    const enter = contextEntry(config.contextManager);
    if (enter !== undefined) stops.push(traceHttpServer(config.tracer, enter));
    stops.push(traceHttpClient(config.tracer, config.ignoreOutgoing));
  }
  if (config.fetch) stops.push(traceFetch(config.tracer));
  const stop = (): void => {
    for (const fn of stops.splice(0)) fn();
    if (slot[ACTIVE] === stop) slot[ACTIVE] = undefined;
  };
  slot[ACTIVE] = stop;
  return stop;
}
