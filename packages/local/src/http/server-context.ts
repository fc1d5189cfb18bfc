import type { ByteBudget } from '../ingest/byte-budget.ts';
import type { Ingestor } from '../ingest/ingestor.ts';
import type { LogIngestor } from '../ingest/log-ingestor.ts';
import type { EntitySelector } from '../query/filter/index.ts';
import type { TraceMatcher } from '../query/find-summaries.ts';
import type { TraceIndex } from '../query/trace-index.ts';
import type { SamplingService } from '../sampling/index.ts';
import type { LocalXRayStats } from '../stats.ts';
import type { AccountSettings } from '../store/account-settings.ts';
import type { GroupStore } from '../store/group-store.ts';
import type { LogStore } from '../store/log-store.ts';
import type { TraceStore } from '../store/trace-store.ts';

/** Everything the HTTP routes use; built once by startLocalXRay. */
export interface ServerContext {
  store: TraceStore;
  /** Cached analyses and the annotation index; every analysis goes through it. */
  index: TraceIndex;
  ingestor: Ingestor;
  /** Log lines by trace ID (`/v1/logs`, `/_local/logs`). */
  logStore: LogStore;
  logIngestor: LogIngestor;
  groups: GroupStore;
  account: AccountSettings;
  sampling: SamplingService;
  stats: LocalXRayStats;
  region: string;
  accountId: string;
  /** Clock, epoch milliseconds. */
  now: () => number;
  /** Compiles a filter expression; throws InvalidRequestException naming the position. */
  compileFilter: (expression: string, groupName?: string) => TraceMatcher;
  /** Compiles an `EntitySelectorExpression`; throws InvalidRequestException. */
  compileSelector: (expression: string) => EntitySelector;
  /** Warnings and refusals, one line each (stderr by default). */
  log: (line: string) => void;
  /** Bytes queued between receiving and storing, shared by UDP and HTTP ingest (`maxQueueBytes`). */
  budget: ByteBudget;
  /**
   * Resolves once the documents received on the UDP port before the call are stored: the read
   * routes await it, so a query sees every document sent before it (HTTP ingest stores before it
   * answers). Never rejects.
   */
  settle: () => Promise<void>;
}

/** Extra request data for routes that need more than the JSON body (OTLP). */
export interface RequestInfo {
  raw: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/** An API route: decoded body in, JSON-serialisable output out; throws XRayError. */
export type Route = (body: Record<string, unknown>, info: RequestInfo) => unknown;
