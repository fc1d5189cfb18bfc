// Splits each rule's per-second reservoir over the clients that report for it (spec §8.4,
// "service-side reservoir split"): floor(size / active) each, the remainder one apiece to the
// first clients in ClientID order, so the quotas sum to exactly the reservoir.

/** Tracks which clients report for which rule; times are epoch milliseconds. */
export class ReservoirAllocator {
  readonly #lastSeen = new Map<string, Map<string, number>>();
  readonly #activeMs: number;

  /** @param activeMs - a client counts as active if it reported within this many ms */
  constructor(activeMs: number) {
    this.#activeMs = activeMs;
  }

  /** Records a report from `clientId` for `rule` at `now` and returns that client's quota. */
  quota(rule: string, clientId: string, reservoirSize: number, now: number): number {
    let clients = this.#lastSeen.get(rule);
    if (!clients) {
      clients = new Map();
      this.#lastSeen.set(rule, clients);
    }
    clients.set(clientId, now);
    const active: string[] = [];
    for (const [id, seen] of clients) {
      if (now - seen <= this.#activeMs) active.push(id);
      else clients.delete(id);
    }
    active.sort();
    const base = Math.floor(reservoirSize / active.length);
    const remainder = reservoirSize % active.length;
    return base + (active.indexOf(clientId) < remainder ? 1 : 0);
  }

  /** Number of clients currently active for `rule`. */
  activeClients(rule: string, now: number): number {
    let n = 0;
    for (const seen of this.#lastSeen.get(rule)?.values() ?? []) {
      if (now - seen <= this.#activeMs) n++;
    }
    return n;
  }

  /** Forgets a rule (deleted or recreated). */
  forget(rule: string): void {
    this.#lastSeen.delete(rule);
  }
}
