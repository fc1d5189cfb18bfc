// Side-by-side timing of two functions in one process: short alternating rounds (ours, peer,
// ours, peer, …), so load from other processes hits both alike; the ratio is the median of the
// per-round ratios. Each function runs `batch` operations per call.

/** One row of results. */
export interface Comparison {
  case: string;
  'ours ops/s': string;
  'peer ops/s': string;
  'ratio ours/peer': string;
  goal: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeCalls(fn: () => void, calls: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Compares `ours` with `peer` (each doing `batch` operations per call) against a goal ratio. */
export function compare(
  name: string,
  ours: () => void,
  peer: () => void,
  goal: number,
  batch = 1000,
  rounds = 25,
): Comparison {
  // Warm up both and size a call count that takes ~20 ms for ours.
  let calls = 1;
  while (timeCalls(ours, calls) < 0.02) calls *= 2;
  timeCalls(peer, calls);
  const oursRates: number[] = [];
  const peerRates: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate who goes first, so neither always runs right after a collection.
    globalThis.gc?.();
    let a: number;
    let b: number;
    if (r % 2 === 0) {
      a = (calls * batch) / timeCalls(ours, calls);
      b = (calls * batch) / timeCalls(peer, calls);
    } else {
      b = (calls * batch) / timeCalls(peer, calls);
      a = (calls * batch) / timeCalls(ours, calls);
    }
    oursRates.push(a);
    peerRates.push(b);
    ratios.push(a / b);
  }
  const ratio = median(ratios);
  return {
    case: name,
    'ours ops/s': Math.round(median(oursRates)).toLocaleString('en'),
    'peer ops/s': Math.round(median(peerRates)).toLocaleString('en'),
    'ratio ours/peer': `${ratio.toFixed(2)}×`,
    goal: `≥ ${goal.toFixed(1)}× ${ratio >= goal ? 'met' : 'MISSED'}`,
  };
}
