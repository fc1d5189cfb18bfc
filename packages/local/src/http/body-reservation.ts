import { XRayError } from '../errors.ts';
import type { ByteBudget } from '../ingest/byte-budget.ts';

/**
 * The bytes of one request body, held in the ingest budget shared with UDP from the moment they
 * are announced (Content-Length) or read (chunked) until the response has closed — i.e. while
 * they sit between receiving and storing. `release()` is idempotent and runs on every path
 * (answered, failed, aborted) from the response's `close` event.
 */
export class BodyReservation {
  readonly #budget: ByteBudget;
  #held = 0;

  constructor(budget: ByteBudget) {
    this.#budget = budget;
  }

  /** Bytes held now. */
  get held(): number {
    return this.#held;
  }

  /** Takes `bytes` more; false (nothing taken) when the budget cannot hold them. */
  take(bytes: number): boolean {
    if (!this.#budget.tryTake(bytes)) return false;
    this.#held += Math.max(0, bytes);
    return true;
  }

  /** Gives every held byte back. */
  release(): void {
    this.#budget.release(this.#held);
    this.#held = 0;
  }
}

/** The 503 for a body the budget cannot hold; the AWS SDKs retry it after `Retry-After`. */
export function overBudget(budget: ByteBudget): XRayError {
  return new XRayError(
    'ServiceUnavailableException',
    `The ingest queue is full (${budget.limit} bytes, --max-queue-bytes); retry shortly`,
    {},
    { 'Retry-After': '1', Connection: 'close' },
  );
}
