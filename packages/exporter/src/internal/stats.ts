import type { ExporterStats } from '../types.ts';

/** Counters that mean data was (or may have been) lost. */
const LOSS_KEYS = [
  'sendErrors',
  'translateErrors',
  'documentsDroppedTooLarge',
  'documentsDroppedQueueFull',
  'documentsDroppedShutdown',
  'documentsFailed',
] as const;

/** All counters at zero. */
export function zeroStats(): ExporterStats {
  return {
    spansReceived: 0,
    translateErrors: 0,
    documentsTranslated: 0,
    documentsShrunk: 0,
    documentsDroppedTooLarge: 0,
    documentsDroppedQueueFull: 0,
    documentsDroppedShutdown: 0,
    documentsSent: 0,
    documentsFailed: 0,
    sendErrors: 0,
    unprocessed: 0,
    retries: 0,
    requests: 0,
  };
}

/** `key=value` pairs of the non-zero counters, for diag messages. */
export function formatStats(stats: ExporterStats): string {
  const parts = Object.entries(stats)
    .filter(([, value]) => value !== 0)
    .map(([key, value]) => `${key}=${String(value)}`);
  return parts.length === 0 ? 'nothing exported' : parts.join(' ');
}

/** True when a loss or error counter grew between two snapshots. */
export function lostSince(before: ExporterStats, now: ExporterStats): boolean {
  return LOSS_KEYS.some((key) => now[key] > before[key]);
}
