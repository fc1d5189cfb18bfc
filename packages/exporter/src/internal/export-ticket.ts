import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';

/**
 * Tracks the documents of one `export()` call and calls its callback exactly once, when the last
 * of them is settled: SUCCESS if every document was delivered, FAILED otherwise.
 */
export class ExportTicket {
  #pending: number;
  #lost: number;
  #done = false;
  readonly #callback: (result: ExportResult) => void;

  /** `lost` counts documents already lost before queueing (translation or size). */
  constructor(pending: number, lost: number, callback: (result: ExportResult) => void) {
    this.#pending = pending;
    this.#lost = lost;
    this.#callback = callback;
    if (pending === 0) this.#finish();
  }

  /** Settles one document. */
  settle(delivered: boolean): void {
    if (this.#done) return;
    if (!delivered) this.#lost += 1;
    this.#pending -= 1;
    if (this.#pending <= 0) this.#finish();
  }

  #finish(): void {
    this.#done = true;
    const lost = this.#lost;
    const result: ExportResult =
      lost === 0
        ? { code: ExportResultCode.SUCCESS }
        : {
            code: ExportResultCode.FAILED,
            error: new Error(`XRaySpanExporter: ${lost} document(s) not delivered`),
          };
    try {
      this.#callback(result);
    } catch {
      // A throwing callback is the caller's bug; it must not break our pump.
    }
  }
}
