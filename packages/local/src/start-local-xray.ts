import type { RequestListener, Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { ByteBudget, DEFAULT_QUEUE_BYTES } from './ingest/byte-budget.ts';
import { Ingestor } from './ingest/ingestor.ts';
import { LogIngestor } from './ingest/log-ingestor.ts';
import { UdpReceiver, type UdpReceiverOptions } from './ingest/udp-receiver.ts';
import { createHandler } from './http/create-handler.ts';
import { requestGuard } from './http/request-guard.ts';
import { createLimitedServer } from './http/server-limits.ts';
import type { ServerContext } from './http/server-context.ts';
import { compileSelector, traceFilterCompiler } from './query/filter-bridge.ts';
import { TraceIndex } from './query/trace-index.ts';
import { SamplingService } from './sampling/index.ts';
import { emptyStats, type LocalXRayStats } from './stats.ts';
import { AccountSettings } from './store/account-settings.ts';
import { GroupStore } from './store/group-store.ts';
import { DEFAULT_MAX_LOG_RECORDS, LogStore } from './store/log-store.ts';
import { MemoryTraceStore } from './store/memory-trace-store.ts';
import { openJournal } from './store/open-journal.ts';

/** Options of {@link startLocalXRay}; every member has a default. */
export interface LocalXRayOptions {
  /** UDP daemon port and HTTP API/UI port (one number, like the X-Ray daemon). 0 picks a free port for both. Default 2000. */
  port?: number;
  /** Address to bind. Default `127.0.0.1`. */
  host?: string;
  /**
   * sqlite file for persistence; in memory only when absent. One instance per file: the start
   * rejects with a `DataFileError` when another instance holds it or the file is damaged
   * (`recoverDataFile` copies what can be read into a new file).
   */
  data?: string;
  /** Traces kept; the oldest is evicted beyond it. Default 50,000 (about 11 KB of memory per stored three-segment trace). */
  maxTraces?: number;
  /**
   * Log lines kept (OTLP `/v1/logs`); beyond it the oldest is dropped and counted in
   * `logRecordsDropped`. Default 100,000.
   */
  maxLogRecords?: number;
  /** Traces not updated for this long are dropped. Default 30 days. */
  retentionSeconds?: number;
  /** Region in ARNs. Default `us-east-1`. */
  region?: string;
  /** Account ID in ARNs. Default `000000000000`. */
  accountId?: string;
  /**
   * Extra `Host` names the HTTP server answers (any port). Loopback addresses, `localhost` and
   * `host` are always allowed; every other `Host` gets 403 (DNS-rebinding protection).
   */
  allowedHosts?: readonly string[];
  /**
   * Bytes queued between receiving and storing (UDP and HTTP ingest) before datagrams are
   * dropped and counted. Default 64 MiB.
   */
  maxQueueBytes?: number;
  /** Where warnings and refusals go, one line each. Default: stderr. */
  log?: (line: string) => void;
}

/** A running local X-Ray. */
export interface LocalXRay {
  /** `host:port` for `AWS_XRAY_DAEMON_ADDRESS`. */
  udpAddress: string;
  /** `http://host:port` for `AWS_ENDPOINT_URL_XRAY` / the SDK's `endpoint`. */
  endpoint: string;
  /** The bound port (UDP and TCP). */
  port: number;
  /** A snapshot of the counters. */
  stats(): LocalXRayStats;
  /** Processes UDP datagrams already read from the socket. */
  flush(): void;
  /** Stops both listeners and closes the database; idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a local X-Ray: the daemon UDP port and the X-Ray HTTP API + UI on the same port number.
 * @example
 * const xray = await startLocalXRay({ port: 0 });
 * process.env.AWS_XRAY_DAEMON_ADDRESS = xray.udpAddress;
 * const client = new XRayClient({ endpoint: xray.endpoint, region: 'us-east-1' });
 * await xray.stop();
 */
export async function startLocalXRay(options: LocalXRayOptions = {}): Promise<LocalXRay> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const retentionMs = (options.retentionSeconds ?? 30 * 24 * 3600) * 1000;
  const now = Date.now;
  const log = options.log ?? ((line: string) => process.stderr.write(`otel-xray-local: ${line}\n`));
  const stats = emptyStats();
  const budget = new ByteBudget(options.maxQueueBytes ?? DEFAULT_QUEUE_BYTES);
  const store = new MemoryTraceStore(options.maxTraces ?? 50_000);
  const saved =
    options.data === undefined ? undefined : await openJournal(options.data, stats, log);
  const journal = saved?.journal;
  const ingestor = new Ingestor(store, stats, now, journal);
  const index = new TraceIndex(store);
  const logStore = new LogStore(options.maxLogRecords ?? DEFAULT_MAX_LOG_RECORDS);
  const logIngestor = new LogIngestor(logStore, stats, journal?.logs);
  ingestor.onChange((change) => index.onChange(change));
  if (saved !== undefined) {
    ingestor.load(saved.documents, false);
    ingestor.expire(retentionMs);
    logIngestor.load(saved.logs);
  }
  const groups = new GroupStore(region, accountId, journal?.getSetting('groups'), (g) =>
    journal?.putSetting('groups', g),
  );
  // The UDP port is bound after the context exists (bindBoth retries ports): settle reads it late.
  const bound: { udp?: UdpReceiver } = {};
  const ctx: ServerContext = {
    store,
    index,
    ingestor,
    logStore,
    logIngestor,
    groups,
    account: new AccountSettings(),
    sampling: new SamplingService({ region, accountId, now }),
    stats,
    region,
    accountId,
    now,
    compileFilter: traceFilterCompiler(groups),
    compileSelector,
    log,
    budget,
    settle: () => bound.udp?.settle() ?? Promise.resolve(),
  };
  const { udp, server, port } = await bindBoth(
    host,
    options.port ?? 2000,
    ingestor,
    stats,
    { budget, log },
    createHandler(
      ctx,
      requestGuard({
        host,
        ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
        interfaceAddresses,
      }),
    ),
  ).catch((error: unknown) => {
    journal?.close(); // release the --data lock: the caller may retry in this process
    throw error;
  });
  bound.udp = udp;
  journal?.announcePort(port);
  const sweep = setInterval(
    () => ingestor.expire(retentionMs),
    Math.min(60_000, retentionMs),
  ).unref();
  let stopping: Promise<void> | undefined;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    udpAddress: `${shown}:${port}`,
    endpoint: `http://${shown}:${port}`,
    port,
    stats: () => ({
      ...stats,
      queuedBytes: budget.used,
      tracesStored: store.size,
      tracesPendingAnalysis: index.pending,
      logRecords: logStore.size,
    }),
    flush: () => udp.flush(),
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(sweep);
        index.close();
        server.closeAllConnections();
        await Promise.all([
          udp.close(),
          new Promise<void>((resolve) => server.close(() => resolve())),
        ]);
        journal?.close();
      })()),
  };
}

async function bindBoth(
  host: string,
  port: number,
  ingestor: Ingestor,
  stats: LocalXRayStats,
  udpOptions: UdpReceiverOptions,
  handler: RequestListener,
): Promise<{ udp: UdpReceiver; server: Server; port: number }> {
  for (let attempt = 0; ; attempt++) {
    const udp = new UdpReceiver(ingestor, stats, udpOptions);
    const bound = await udp.bind(port, host);
    const server = createLimitedServer(handler);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(bound, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return { udp, server, port: bound };
    } catch (error) {
      await udp.close();
      if (port !== 0 || attempt >= 20) throw error;
    }
  }
}

/** The machine's own addresses: a bind-all server (`0.0.0.0`, `::`) also answers them as Host. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}
