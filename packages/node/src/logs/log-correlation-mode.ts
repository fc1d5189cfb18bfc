/**
 * Which fields the log correlation writes: `both` (X-Ray and W3C, the default), `xray`, `w3c`, or
 * `off`.
 */
export type LogCorrelationMode = 'both' | 'xray' | 'w3c' | 'off';

const MODES: Record<string, LogCorrelationMode> = {
  '': 'both',
  true: 'both',
  on: 'both',
  both: 'both',
  xray: 'xray',
  w3c: 'w3c',
  false: 'off',
  off: 'off',
  none: 'off',
};

/**
 * Reads `OTEL_XRAY_LOG_CORRELATION` (`true`/`both`, `xray`, `w3c`, `false`/`off`; default `both`).
 * An unknown value gives `both` and is reported through `warn`, so a typo never silences the IDs.
 */
export function logCorrelationModeFromEnv(
  value: string | undefined,
  warn: (message: string) => void = () => undefined,
): LogCorrelationMode {
  const mode = MODES[(value ?? '').trim().toLowerCase()];
  if (mode !== undefined) return mode;
  warn(`OTEL_XRAY_LOG_CORRELATION=${value ?? ''} is not one of true, xray, w3c, false; using true`);
  return 'both';
}
