/** Default shortest time between two warnings about dropped datagrams. */
export const DROP_WARNING_INTERVAL_MS = 10_000;

/**
 * Turns a growing count of datagrams dropped over the ingest byte budget into warning lines: the
 * first drop is reported at once, later ones are summed and reported at most once per
 * `intervalMs`. Pure apart from the `log` and `now` it is given.
 */
export class DropWarning {
  readonly #limit: number;
  readonly #log: (line: string) => void;
  readonly #intervalMs: number;
  readonly #now: () => number;
  /** Dropped datagrams covered by the lines written so far. */
  #reported = 0;
  /** When the last line was written; undefined before the first. */
  #lastLine: number | undefined;

  /** `limit` is the byte budget, named in each line. */
  constructor(
    limit: number,
    log: (line: string) => void,
    intervalMs = DROP_WARNING_INTERVAL_MS,
    now: () => number = Date.now,
  ) {
    this.#limit = limit;
    this.#log = log;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /** Reports `dropped` (the total so far) if it grew and the last line is old enough. */
  update(dropped: number): void {
    if (dropped <= this.#reported) return;
    const now = this.#now();
    if (this.#lastLine !== undefined && now - this.#lastLine < this.#intervalMs) return;
    const since =
      this.#lastLine === undefined
        ? ''
        : ` in the last ${Math.round((now - this.#lastLine) / 1000)} s`;
    this.#log(
      `dropped ${(dropped - this.#reported).toLocaleString('en-US')} UDP datagrams${since}: ` +
        `the ingest queue is full (${formatBytes(this.#limit)}); ` +
        `raise it with --max-queue-bytes if this machine has the memory`,
    );
    this.#reported = dropped;
    this.#lastLine = now;
  }
}

/** `134217728` → `128 MiB`; smaller sizes in KiB or bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}
