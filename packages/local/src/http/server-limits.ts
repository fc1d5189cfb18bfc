// The HTTP server's time and size limits, set on purpose instead of Node's defaults (headers
// 60 s, whole request 300 s, checked every 30 s), which let a slow or stalled client hold a
// connection and its buffers for minutes. Every real client of this server (AWS SDKs, the CLI,
// OTLP exporters, the UI) sends a request of at most a few MB from the same machine in well under
// a second, so tight limits cost them nothing. Documented in the README's limits table.
import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';

/** The limits, one place; README "Limits" lists the same numbers. */
export const SERVER_LIMITS = {
  /** Time to receive the request line and every header. */
  headersTimeoutMs: 10_000,
  /** Time to receive a whole request (headers and a body of up to 5 MB). */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this long (clients reconnect cheaply). */
  keepAliveTimeoutMs: 5_000,
  /** How often Node checks the two request timeouts above (its default is 30 s). */
  connectionsCheckingIntervalMs: 1_000,
  /** A socket with no traffic either way for this long is closed (e.g. a client that stopped reading). */
  socketIdleTimeoutMs: 60_000,
  /** Request line plus headers (Node's default, stated here so it is deliberate). */
  maxHeaderBytes: 16 * 1024,
} as const;

/** `createServer` options carrying {@link SERVER_LIMITS}. */
export const SERVER_OPTIONS: ServerOptions = {
  headersTimeout: SERVER_LIMITS.headersTimeoutMs,
  requestTimeout: SERVER_LIMITS.requestTimeoutMs,
  keepAliveTimeout: SERVER_LIMITS.keepAliveTimeoutMs,
  connectionsCheckingInterval: SERVER_LIMITS.connectionsCheckingIntervalMs,
  maxHeaderSize: SERVER_LIMITS.maxHeaderBytes,
  // HTTP/1.1 without Host is answered 400 by Node; HTTP/1.0 may omit it (see request-guard.ts).
  requireHostHeader: true,
};

/**
 * Creates the local X-Ray's HTTP server with {@link SERVER_LIMITS}. Protocol errors and timeouts
 * are left to Node's default `clientError` handling: a short 400, 408 or 431 (unless a response
 * is already under way) and the socket is closed; they never reach the handler.
 */
export function createLimitedServer(handler: RequestListener): Server {
  const server = createServer(SERVER_OPTIONS, handler);
  server.setTimeout(SERVER_LIMITS.socketIdleTimeoutMs);
  return server;
}
