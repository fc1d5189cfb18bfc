import { zeroStats } from '../../src/internal/stats.ts';
import type { ExporterStats } from '../../src/types.ts';

/** Fresh counters for transport tests. */
export function newStats(): ExporterStats {
  return zeroStats();
}
