// Defaults and clamping of XRayExporterConfig: a bad value warns once through diag and falls back.
import { diag } from '@opentelemetry/api';
import type { XRayExporterConfig, XRayTransportName } from '../types.ts';

/** Every numeric option, resolved. */
export interface ResolvedNumbers {
  maxQueueSize: number;
  maxBatchSize: number;
  maxRequestBytes: number;
  maxDocumentBytes: number;
  maxAttempts: number;
  initialBackoffMillis: number;
  maxBackoffMillis: number;
  timeoutMillis: number;
  concurrencyLimit: number;
  flushTimeoutMillis: number;
  statsIntervalMillis: number;
}

type Range = readonly [fallback: number, min: number, max: number];

const RANGES: Record<keyof ResolvedNumbers, Range> = {
  maxQueueSize: [2048, 1, 1_000_000],
  maxBatchSize: [50, 1, 50],
  maxRequestBytes: [2 * 1024 * 1024, 64 * 1024 + 64, 16 * 1024 * 1024],
  maxDocumentBytes: [64 * 1024, 256, 64 * 1024],
  maxAttempts: [3, 1, 10],
  initialBackoffMillis: [100, 0, 60_000],
  maxBackoffMillis: [2000, 0, 300_000],
  timeoutMillis: [5000, 1, 300_000],
  concurrencyLimit: [2, 1, 16],
  flushTimeoutMillis: [5000, 0, 300_000],
  statsIntervalMillis: [60_000, 0, 86_400_000],
};

const TRANSPORTS: readonly XRayTransportName[] = ['udp', 'api', 'otlp'];

/** The transport name, `udp` when absent or unknown (with one warning). */
export function resolveTransportName(value: unknown): XRayTransportName {
  if (value === undefined) return 'udp';
  if (TRANSPORTS.includes(value as XRayTransportName)) return value as XRayTransportName;
  diag.warn(`XRaySpanExporter: unknown transport ${JSON.stringify(value)}; using "udp"`);
  return 'udp';
}

/** Numeric options with defaults; out-of-range or non-numeric values warn and use the default. */
export function resolveNumbers(config: XRayExporterConfig): ResolvedNumbers {
  const out = {} as ResolvedNumbers;
  for (const key of Object.keys(RANGES) as Array<keyof ResolvedNumbers>) {
    const [fallback, min, max] = RANGES[key];
    const value = config[key];
    if (value === undefined) {
      out[key] = fallback;
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      diag.warn(`XRaySpanExporter: ${key} must be a number in [${min}, ${max}]; using ${fallback}`);
      out[key] = fallback;
    } else {
      out[key] = Math.floor(value);
    }
  }
  if (out.maxBackoffMillis < out.initialBackoffMillis)
    out.maxBackoffMillis = out.initialBackoffMillis;
  return out;
}

/** The signing/API region from config or the environment, if any. */
export function resolveRegion(
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const region = configured ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  return region === undefined || region.trim() === '' ? undefined : region.trim();
}
