import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net from 'node:net';
import { DEFAULT_SHUTDOWN_DEADLINE_MS } from './deadline.ts';

/** Options of {@link stopHttpServer}. */
export interface StopHttpServerOptions {
  /** After this long, ms, every connection still open is destroyed. Default 5 000. */
  deadlineMs?: number;
  /**
   * Idle keep-alive connections are closed after this long, ms, so a request already sent on one
   * (in the socket's buffer, not yet read) is still answered — with `Connection: close` — rather
   * than reset. Default 100.
   */
  idleGraceMs?: number;
}

/** How an HTTP server stopped. */
export interface HttpServerStopped {
  /** From the call to the last connection closed, ms. */
  ms: number;
  /** Requests still unanswered at the deadline, cut by closing their connections. */
  cut: number;
}

interface Tracking {
  stopping: boolean;
  /** Responses not finished yet. */
  open: Set<ServerResponse>;
  stopped?: Promise<HttpServerStopped>;
}

const tracking = new WeakMap<Server, Tracking>();

/**
 * Watches `server`'s requests so {@link stopHttpServer} can tell keep-alive clients to go: call it
 * before the server takes traffic (`serveHttp` does). Idempotent.
 */
export function trackHttpServer(server: Server): void {
  if (tracking.has(server)) return;
  const state: Tracking = { stopping: false, open: new Set() };
  tracking.set(server, state);
  // first listener: runs before the application's handler has written anything
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (state.stopping) lastOnConnection(server, res);
    if (res.writableFinished) return;
    state.open.add(res);
    res.once('close', () => state.open.delete(res));
  });
}

/**
 * Makes `res` the connection's last response. `Connection: close` set before the head is written
 * makes Node end the socket after it (and tells the client to reconnect elsewhere); when the head
 * is already out, the connection is closed as soon as it is idle.
 */
function lastOnConnection(server: Server, res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
  else res.once('finish', () => server.closeIdleConnections());
}

/**
 * Stops `server` without waiting for its clients: stops accepting at once, answers requests in
 * flight — and any new request on a connection still open — with `Connection: close`, closes idle
 * keep-alive connections after `idleGraceMs`, and destroys what is left after `deadlineMs`.
 * `server.close()` alone waits for keep-alive clients, which under steady traffic never leave.
 * Resolves once every connection is closed; idempotent (later calls share the first one's result).
 * @example
 * process.on('SIGTERM', () => void stopHttpServer(server, { deadlineMs: 5_000 }).then(flushAndExit));
 */
export function stopHttpServer(
  server: Server,
  options: StopHttpServerOptions = {},
): Promise<HttpServerStopped> {
  trackHttpServer(server);
  const state = tracking.get(server)!;
  state.stopped ??= new Promise((resolve) => {
    const started = performance.now();
    let cut = 0;
    state.stopping = true;
    for (const res of state.open) lastOnConnection(server, res);
    const idle = setTimeout(() => server.closeIdleConnections(), options.idleGraceMs ?? 100);
    const deadline = setTimeout(() => {
      cut = state.open.size;
      server.closeAllConnections();
    }, options.deadlineMs ?? DEFAULT_SHUTDOWN_DEADLINE_MS);
    server.once('close', () => {
      clearTimeout(idle);
      clearTimeout(deadline);
      resolve({ ms: Math.round(performance.now() - started), cut });
    });
    // net.Server's close: stop accepting now, 'close' once the last connection is gone.
    // http.Server's close would also destroy the idle connections at once — including one whose
    // next request is already in its buffer, which that client would see as a reset.
    net.Server.prototype.close.call(server);
  });
  return state.stopped;
}
