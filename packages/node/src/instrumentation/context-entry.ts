import { diag, type Context, type ContextManager } from '@opentelemetry/api';

/** Makes a context the active one for the rest of the current synchronous run and what it schedules. */
export type EnterContext = (ctx: Context) => void;

interface EnterWith {
  enterWith(store: Context): void;
}

/**
 * `enterWith` of the AsyncLocalStorage behind `@opentelemetry/context-async-hooks`'
 * `AsyncLocalStorageContextManager`. Node publishes `http.server.request.start` synchronously just
 * before it emits `'request'`, and publishes it with `publish` (not `runStores`), so entering the
 * server span's context there is the one way, without patching, to run the handler inside it. The
 * frame is restored when the parser's callback returns, so nothing leaks into the next request.
 * Undefined (with one warning) for any other context manager.
 */
export function contextEntry(manager: ContextManager): EnterContext | undefined {
  const storage = (manager as { _asyncLocalStorage?: Partial<EnterWith> })._asyncLocalStorage;
  if (typeof storage?.enterWith === 'function') {
    const als = storage as EnterWith;
    return (ctx) => als.enterWith(ctx);
  }
  diag.warn(
    '@otel-xray/node: the context manager is not AsyncLocalStorageContextManager, so request ' +
      "handlers do not run inside their server span; use instrumentation: 'otel'",
  );
  return undefined;
}
