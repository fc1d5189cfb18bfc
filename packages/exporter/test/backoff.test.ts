import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from '../src/internal/backoff.ts';

const policy = { maxAttempts: 5, initialBackoffMillis: 100, maxBackoffMillis: 1000 };

describe('backoffDelay', () => {
  it('doubles the ceiling per retry up to the maximum', () => {
    const top = (retry: number) => backoffDelay(retry, policy, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6].map(top)).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('draws the delay from the random source (full jitter)', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });
});

describe('sleep', () => {
  it('resolves early when the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('resolves at once for an aborted signal', async () => {
    await expect(sleep(60_000, AbortSignal.abort())).resolves.toBeUndefined();
  });
});
