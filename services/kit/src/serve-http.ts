import type { Server } from 'node:http';
import { shutdownTracing } from '@otel-xray/node';
import { shutdownDeadlineMs } from './deadline.ts';
import { intEnv } from './env.ts';
import { exitGracefully } from './graceful-exit.ts';
import type { ServiceLogger } from './log.ts';
import { stopHttpServer, trackHttpServer } from './http-shutdown.ts';

/** Options of {@link serveHttp}. */
export interface ServeHttpOptions {
  log: ServiceLogger;
  /** Port; default `PORT`, else any free port. */
  port?: number;
  /** Address; default `HOST`, else 127.0.0.1. */
  host?: string;
  /** Shutdown deadline, ms; default `SHUTDOWN_DEADLINE_MS`, else 5 000. */
  deadlineMs?: number;
}

/**
 * The way every sample service that listens runs its HTTP server: listens (logging `listening`
 * with its URL), and on SIGTERM/SIGINT stops it with {@link stopHttpServer} — in-flight and
 * new requests on open connections get `Connection: close`, nothing new is accepted, connections
 * left after the deadline are closed — then flushes tracing and exits 0.
 * @example
 * serveHttp(http.createServer(handler), { log: createLogger('orders') });
 */
export function serveHttp(server: Server, options: ServeHttpOptions): void {
  const { log } = options;
  const deadlineMs = options.deadlineMs ?? shutdownDeadlineMs();
  trackHttpServer(server);
  server.listen(
    options.port ?? intEnv('PORT', 0),
    options.host ?? process.env.HOST ?? '127.0.0.1',
    () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      log.info({ url: `http://127.0.0.1:${port}` }, 'listening');
    },
  );
  exitGracefully(
    async () => {
      const stopped = await stopHttpServer(server, { deadlineMs });
      log.info({ ms: stopped.ms, cutRequests: stopped.cut, deadlineMs }, 'http server closed');
      await shutdownTracing();
    },
    (msg) => log.info(msg),
  );
}
