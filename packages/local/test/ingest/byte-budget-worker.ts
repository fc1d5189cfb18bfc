// Worker thread of byte-budget.test.ts: once told to go, takes and gives back bytes of a shared
// budget `rounds` times as fast as it can, then posts how often a take succeeded and the most it
// saw in use.
import { parentPort, workerData } from 'node:worker_threads';
import { ByteBudget } from '../../src/ingest/byte-budget.ts';

/** What byte-budget.test.ts gives each worker. */
export interface BudgetWorkerData {
  shared: SharedArrayBuffer;
  limit: number;
  rounds: number;
  /** Bytes per take. */
  size: number;
  /** Int32 slot 0 turns 1 when every worker may start (so that they overlap). */
  go: SharedArrayBuffer;
}

/** What each worker posts back. */
export interface BudgetWorkerResult {
  taken: number;
  maxSeen: number;
}

const { shared, limit, rounds, size, go } = workerData as BudgetWorkerData;
const budget = new ByteBudget(limit, shared);
parentPort?.postMessage('ready');
Atomics.wait(new Int32Array(go), 0, 0);
let taken = 0;
let maxSeen = 0;
const held: number[] = [];
for (let i = 0; i < rounds; i++) {
  if (budget.tryTake(size)) {
    taken++;
    held.push(size);
    maxSeen = Math.max(maxSeen, budget.used);
  }
  // Holds up to three takes, so the two threads contend at the limit.
  if (held.length > 3 || (i % 7 === 0 && held.length > 0)) budget.release(held.pop() ?? 0);
}
for (const bytes of held) budget.release(bytes);
const result: BudgetWorkerResult = { taken, maxSeen };
parentPort?.postMessage(result);
