// Side-by-side timing of two functions in one process: short alternating blocks (ours, peer,
// peer, ours, …) with a full GC before each pair, so load and collections hit both alike. Each
// block is timed in CPU time of this process (user + system, every thread: GC helpers count), so
// other jobs on a shared machine slow the clock but not the measurement. The ratio is the median
// of the per-block-pair ratios. Each function runs `batch` operations per call.

/** One row of results. */
export interface Comparison {
  case: string;
  'ours ops/s': string;
  'peer ops/s': string;
  'ratio ours/peer': string;
  'pairs p25–p75': string;
  goal: string;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)] ?? NaN;
}

/** CPU seconds spent by this process while `fn` runs `calls` times. */
function cpuCalls(fn: () => void, calls: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Compares `ours` with `peer` (each doing `batch` operations per call) against a goal ratio. */
export function compare(
  name: string,
  ours: () => void,
  peer: () => void,
  goal: number,
  batch = 1000,
  rounds = 101,
): Comparison {
  // Warm up both, then size a block that takes ~5 ms of CPU for ours: short blocks, so the two
  // of a pair meet the same load from the other core (a busy sibling slows both alike).
  for (let i = 0; i < 200; i++) {
    ours();
    peer();
  }
  let calls = 1;
  while (cpuCalls(ours, calls) < 0.005) calls *= 2;
  const oursRates: number[] = [];
  const peerRates: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate who goes first, so neither always runs right after the collection.
    globalThis.gc?.();
    let a: number;
    let b: number;
    if (r % 2 === 0) {
      a = (calls * batch) / cpuCalls(ours, calls);
      b = (calls * batch) / cpuCalls(peer, calls);
    } else {
      b = (calls * batch) / cpuCalls(peer, calls);
      a = (calls * batch) / cpuCalls(ours, calls);
    }
    oursRates.push(a);
    peerRates.push(b);
    ratios.push(a / b);
  }
  const ratio = quantile(ratios, 0.5);
  return {
    case: name,
    'ours ops/s': Math.round(quantile(oursRates, 0.5)).toLocaleString('en'),
    'peer ops/s': Math.round(quantile(peerRates, 0.5)).toLocaleString('en'),
    'ratio ours/peer': `${ratio.toFixed(2)}×`,
    'pairs p25–p75': `${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}`,
    goal: `≥ ${goal.toFixed(1)}× ${ratio >= goal ? 'met' : 'MISSED'}`,
  };
}
