import { diag } from '@opentelemetry/api';
import type { BatchSpanProcessorOptions } from '@opentelemetry/sdk-trace';

/** The `BatchSpanProcessor` options the `OTEL_BSP_*` variables set. */
export type BatchSettings = Pick<
  BatchSpanProcessorOptions,
  'scheduledDelayMillis' | 'exportTimeoutMillis' | 'maxQueueSize' | 'maxExportBatchSize'
>;

/** The span batch's delay when `OTEL_BSP_SCHEDULE_DELAY` is unset: short, so traces stay fresh. */
export const DEFAULT_SCHEDULE_DELAY_MILLIS = 200;

// [env name, config key, smallest accepted value]
const SETTINGS: ReadonlyArray<[string, keyof BatchSettings, number]> = [
  ['OTEL_BSP_SCHEDULE_DELAY', 'scheduledDelayMillis', 0],
  ['OTEL_BSP_EXPORT_TIMEOUT', 'exportTimeoutMillis', 0],
  ['OTEL_BSP_MAX_QUEUE_SIZE', 'maxQueueSize', 1],
  ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 'maxExportBatchSize', 1],
];

/**
 * The `BatchSpanProcessor` settings from the OpenTelemetry SDK's `OTEL_BSP_*` variables, which
 * `@opentelemetry/sdk-trace` 3.x no longer reads itself. A value that is not a whole number at or
 * above its minimum is ignored with one `diag` warning (the SDK's default applies); the schedule
 * delay defaults to {@link DEFAULT_SCHEDULE_DELAY_MILLIS} rather than the SDK's 5 s.
 */
export function batchProcessorConfig(env: Record<string, string | undefined>): BatchSettings {
  const config: BatchSettings = { scheduledDelayMillis: DEFAULT_SCHEDULE_DELAY_MILLIS };
  for (const [name, key, min] of SETTINGS) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min) config[key] = value;
    else diag.warn(`${name}=${JSON.stringify(raw)} ignored: expected a whole number ≥ ${min}`);
  }
  return config;
}
