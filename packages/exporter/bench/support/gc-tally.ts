// Bytes a service process promotes from V8's young generation to the old one, read from the
// `--trace-gc-nvp` lines it prints on stdout (one per GC: `gc=s` scavenges, `gc=mc` mark-compacts,
// each with `promoted=<bytes>`). A few KB per request means the process is in V8's pretenuring
// regime (see http-service.bench.ts); an uninstrumented service that escaped it promotes ≈ 0.
import type { Readable } from 'node:stream';

/** The node flag that makes a process print the lines this module reads. */
export const GC_TRACE_FLAG = '--trace-gc-nvp';

/** A running total of promoted bytes, fed by `stream`'s GC trace lines. */
export interface GcTally {
  promotedBytes(): number;
}

/** Starts tallying the GC trace lines on `stream` (other lines are ignored). */
export function tallyGc(stream: Readable): GcTally {
  let promoted = 0;
  let partial = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) promoted += promotedIn(line);
  });
  return { promotedBytes: () => promoted };
}

/** Promoted bytes over a window of `requests` requests, as KB per request. */
export function promotedKbPerRequest(bytes: number, requests: number): number {
  return bytes / 1000 / Math.max(1, requests);
}

/** The `promoted=` bytes of one `--trace-gc-nvp` line; 0 for any other line. */
export function promotedIn(line: string): number {
  if (!/(^|\s)gc=(s|mc|ms)\s/.test(line)) return 0;
  const match = /\spromoted=(\d+)/.exec(line);
  return match ? Number(match[1]) : 0;
}
