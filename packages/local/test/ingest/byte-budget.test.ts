import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ByteBudget, MAX_BUDGET_BYTES } from '../../src/ingest/byte-budget.ts';
import type { BudgetWorkerData, BudgetWorkerResult } from './byte-budget-worker.ts';

/** Runs `workers` threads on the same budget, all starting at once. */
async function contend(workers: number, data: BudgetWorkerData): Promise<BudgetWorkerResult[]> {
  const started = Array.from({ length: workers }, () => {
    const worker = new Worker(new URL('./byte-budget-worker.ts', import.meta.url), {
      workerData: data,
    });
    const ready = new Promise<void>((resolve) => worker.once('message', () => resolve()));
    const done = new Promise<BudgetWorkerResult>((resolve, reject) => {
      void ready.then(() => worker.once('message', resolve));
      worker.once('error', reject);
    });
    return { ready, done };
  });
  await Promise.all(started.map((w) => w.ready));
  const go = new Int32Array(data.go);
  Atomics.store(go, 0, 1);
  Atomics.notify(go, 0);
  return Promise.all(started.map((w) => w.done));
}

describe('ByteBudget', () => {
  describe('tryTake and release', () => {
    it('takes bytes while they fit and refuses what would cross the limit', () => {
      const budget = new ByteBudget(100);
      expect(budget.tryTake(60)).toBe(true);
      expect(budget.tryTake(41)).toBe(false);
      expect(budget.used).toBe(60);
      expect(budget.tryTake(40)).toBe(true);
      expect(budget.used).toBe(100);
      budget.release(100);
      expect(budget.used).toBe(0);
      expect(budget.peak).toBe(100);
    });

    it('always grants zero bytes, even when full', () => {
      const budget = new ByteBudget(1);
      expect(budget.tryTake(1)).toBe(true);
      expect(budget.tryTake(0)).toBe(true);
      expect(budget.used).toBe(1);
    });

    it('clamps the limit to between 1 byte and 1 GiB', () => {
      expect(new ByteBudget(0).limit).toBe(1);
      expect(new ByteBudget(2 ** 40).limit).toBe(MAX_BUDGET_BYTES);
    });
  });

  describe('shared between threads', () => {
    it('counts the same bytes in every thread that attaches to it', () => {
      const budget = new ByteBudget(10);
      const other = new ByteBudget(10, budget.shared);
      expect(other.tryTake(7)).toBe(true);
      expect(budget.tryTake(4)).toBe(false);
      expect(budget.used).toBe(7);
      other.release(7);
      expect(budget.used).toBe(0);
    });

    it('never exceeds the limit under concurrent takes and returns to 0', async () => {
      const budget = new ByteBudget(1_000);
      const results = await contend(2, {
        shared: budget.shared,
        limit: 1_000,
        rounds: 1_000_000,
        size: 150,
        go: new SharedArrayBuffer(4),
      });
      expect(budget.used).toBe(0);
      expect(budget.peak).toBeLessThanOrEqual(1_000);
      for (const r of results) {
        expect(r.taken).toBeGreaterThan(0);
        expect(r.maxSeen).toBeLessThanOrEqual(1_000);
      }
    });
  });
});
