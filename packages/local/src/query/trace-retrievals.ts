import { randomUUID } from 'node:crypto';
import { XRayError } from '../errors.ts';

/** One retrieval started by StartTraceRetrieval. */
export interface Retrieval {
  traceIds: string[];
  /** Epoch milliseconds when it expires (60 minutes, spec §10). */
  expiresAt: number;
  cancelled: boolean;
}

const LIFETIME_MS = 60 * 60 * 1000;

/**
 * Trace retrievals (StartTraceRetrieval, ListRetrievedTraces, GetRetrievedTracesGraph,
 * CancelTraceRetrieval). Every stored trace is indexed locally, so a retrieval completes at once.
 */
export class TraceRetrievals {
  readonly #retrievals = new Map<string, Retrieval>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Starts a retrieval; returns its token. */
  start(traceIds: string[]): string {
    for (const [token, r] of this.#retrievals)
      if (r.expiresAt < this.#now()) this.#retrievals.delete(token);
    const token = randomUUID();
    this.#retrievals.set(token, {
      traceIds,
      expiresAt: this.#now() + LIFETIME_MS,
      cancelled: false,
    });
    return token;
  }

  /** The retrieval of a token; ResourceNotFoundException when unknown or expired. */
  get(token: string): Retrieval {
    const r = this.#retrievals.get(token);
    if (r === undefined || r.expiresAt < this.#now()) {
      throw new XRayError('ResourceNotFoundException', `Retrieval token not found: ${token}`, {
        ResourceName: token,
      });
    }
    return r;
  }
}
